import type { Office } from '@cctv/service-runtime';
// The launcher of the one-process mode is the one place that holds all three
// offices; they still meet only through the bus and their public events.
import { permitIssuanceOffice } from '../../permit-issuance/src/office';
import { secretariatInspectionOffice } from '../../secretariat-inspection/src/office';
import { unionIntakeOffice } from '../../union-intake/src/office';

export type { Office };

/** In the order they start: the union first, the register last. */
export const OFFICES: readonly Office[] = [unionIntakeOffice, secretariatInspectionOffice, permitIssuanceOffice];
