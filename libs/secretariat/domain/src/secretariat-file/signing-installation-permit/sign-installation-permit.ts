import { conflict, formatJalali, notFound, PERMIT_MONTHS, validityWindow } from '@cctv/kernel';
import { normalizeHologramSerial } from '../../hologram/hologram-serial';
import type { SignInstallationPermit } from '../commands';
import type { SecretariatFileEvent } from '../events';
import { requiredText } from '../rules';
import type { SecretariatFileState } from '../state';

/** The union's approval becomes a valid installation permit only with the secretariat's signature and hologram. */
export const signInstallationPermit = (
  { data }: SignInstallationPermit,
  state: SecretariatFileState,
): readonly SecretariatFileEvent[] => {
  const installationPermitId = requiredText(data.installationPermitId, 'installationPermitId', 'شناسه مجوز نصب');
  const hologramSerial = normalizeHologramSerial(data.hologramSerial);
  if (state.status === 'new') {
    throw notFound(
      'file-not-found',
      'The secretariat has no such file; the union has not sent its approval',
      'این پرونده در دبیرخانه نیست؛ هنوز تأیید اتحادیه برای آن نرسیده است.',
    );
  }
  if (state.status !== 'queued') {
    throw conflict(
      'installation-already-signed',
      'The installation permit of this file has already been signed',
      'مجوز نصب این پرونده پیش‌تر امضا شده است.',
    );
  }
  const window = validityWindow(data.now, PERMIT_MONTHS.installation);
  return [
    {
      type: 'InstallationPermitSigned',
      data: {
        fileId: data.fileId,
        fileNumber: state.file.fileNumber,
        installationPermitId,
        hologramSerial,
        validUntil: window.validUntil.toISOString(),
        validThrough: formatJalali(window.validThrough),
        at: data.now.toISOString(),
      },
    },
  ];
};
