import 'reflect-metadata';
import { runOffice } from '@cctv/service-runtime';
import { unionIntakeOffice } from './office';

runOffice(unionIntakeOffice);
