import 'reflect-metadata';
import { runOffice } from '@cctv/service-runtime';
import { secretariatInspectionOffice } from './office';

runOffice(secretariatInspectionOffice);
