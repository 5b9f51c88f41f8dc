import type { RecordedEvent } from '@cctv/event-store';
import { installationSigned, operationGranted, permitRevoked } from './register-fixtures';

export const FILE_A = '0a000000-0000-4000-8000-00000000000a';
export const FILE_B = '0b000000-0000-4000-8000-00000000000b';
export const FILE_C = '0c000000-0000-4000-8000-00000000000c';
export const id = (n: number) => `9e000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** What the secretariat decided, in the order it decided it (dates Tehran time). */
export const secretariatDecisions = (): RecordedEvent[] => [
  // File A: installation signed 1404/02/10, temporary permit 1404/02/30, main after re-inspection 1404/04/24.
  installationSigned({ fileId: FILE_A, installationPermitId: id(1), hologramSerial: 'KR1404000101', at: '2025-04-30T07:00:00.000Z' }),
  operationGranted({ fileId: FILE_A, permitId: id(2), installationPermitId: id(1), hologramSerial: 'KR1404000102', at: '2025-05-20T07:00:00.000Z' }),
  operationGranted({
    fileId: FILE_A, permitId: id(3), installationPermitId: id(1), kind: 'main', deficiencies: [], hologramSerial: 'KR1404000103',
    supersedesPermitId: id(2), at: '2025-07-15T07:00:00.000Z',
  }),
  // File B: a main permit straight away on 1404/02/11, revoked on 1404/03/11.
  operationGranted({ fileId: FILE_B, permitId: id(4), kind: 'main', deficiencies: [], hologramSerial: 'KR1404000104', at: '2025-05-01T07:00:00.000Z' }),
  permitRevoked({ fileId: FILE_B, permitId: id(4), reason: 'دوربین به داخل منازل دید دارد', at: '2025-06-01T08:00:00.000Z' }),
  // File C: a temporary permit on 1404/02/20 (valid through 1404/08/19), never remedied.
  operationGranted({ fileId: FILE_C, permitId: id(5), hologramSerial: 'KR1404000105', at: '2025-05-10T07:00:00.000Z' }),
];
