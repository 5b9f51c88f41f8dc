import 'reflect-metadata';
import { runOffice } from '@cctv/service-runtime';
import { permitIssuanceOffice } from './office';

runOffice(permitIssuanceOffice);
