import { conflict } from '@cctv/kernel';
import type { ApproveInstallation } from '../union-file/commands';
import type { InstallationApproved } from '../union-file/events';
import { labelFa, requireOpenFile, requireValidNow } from '../union-file/guards';
import type { UnionFileState } from '../union-file/state';

/** The union approves only a complete file: every required document accepted. */
export const approveInstallation = ({ data }: ApproveInstallation, state: UnionFileState): readonly InstallationApproved[] => {
  const { file, documents } = requireOpenFile(state);
  const pending = documents.filter((document) => document.status !== 'accepted').map((document) => document.kind);
  if (pending.length > 0) {
    throw conflict(
      'documents-incomplete',
      `File ${file.fileNumber} cannot be approved; documents not yet accepted: ${pending.join(', ')}`,
      `پرونده ${file.fileNumber} کامل نیست. این مدارک هنوز پذیرفته نشده‌اند: ${pending.map(labelFa).join('، ')}`,
    );
  }
  return [
    {
      type: 'InstallationApproved',
      data: {
        fileId: file.fileId,
        fileNumber: file.fileNumber,
        premisesKind: file.premises.kind,
        residential: file.premises.residential,
        residentialUnits: file.premises.residentialUnits,
        cameraCount: file.system.cameras.length,
        ...(file.ownerRef ? { ownerRef: file.ownerRef } : {}),
        at: requireValidNow(data.now),
      },
    },
  ];
};
