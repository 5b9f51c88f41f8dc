import { invalid, normalizePersianText } from '@cctv/kernel';
import type { RefuseInstallation } from '../union-file/commands';
import type { InstallationRefused } from '../union-file/events';
import { requireOpenFile, requireValidNow } from '../union-file/guards';
import type { UnionFileState } from '../union-file/state';

/** A refusal is written: the owner must learn why before applying again. */
export const refuseInstallation = ({ data }: RefuseInstallation, state: UnionFileState): readonly InstallationRefused[] => {
  const { file } = requireOpenFile(state);
  const reasons = (Array.isArray(data.reasons) ? data.reasons : [])
    .map((reason) => (typeof reason === 'string' ? normalizePersianText(reason) : ''))
    .filter((reason) => reason !== '');
  if (reasons.length === 0) {
    throw invalid(
      'reasons-required',
      'A refusal needs at least one written reason',
      'برای رد درخواست، دست‌کم یک دلیل بنویسید.',
      'reasons',
    );
  }
  return [
    {
      type: 'InstallationRefused',
      data: { fileId: file.fileId, fileNumber: file.fileNumber, reasons, at: requireValidNow(data.now) },
    },
  ];
};
