import { conflict, formatJalali, PERMIT_MONTHS, validityWindow } from '@cctv/kernel';
import { normalizeHologramSerial } from '../../hologram/hologram-serial';
import type { GrantOperationPermit } from '../commands';
import type { SecretariatFileEvent } from '../events';
import { requiredText, signedFile } from '../rules';
import type { SecretariatFileState } from '../state';
import { permitOutcome } from './outcome';

/** After a recorded inspection: a main or a temporary permit, signed and carrying a hologram. */
export const grantOperationPermit = (
  { data }: GrantOperationPermit,
  state: SecretariatFileState,
): readonly SecretariatFileEvent[] => {
  const permitId = requiredText(data.permitId, 'permitId', 'شناسه مجوز');
  const hologramSerial = normalizeHologramSerial(data.hologramSerial);
  const file = signedFile(state);
  const openCase = file.openCase;
  if (openCase?.stage.step !== 'awaiting-decision') {
    throw conflict(
      'no-inspection-to-decide',
      'No recorded inspection awaits a decision in this file',
      'در این پرونده بازدید ثبت‌شده‌ای نیست که درباره صدور مجوز آن تصمیم گرفته شود.',
    );
  }
  if (file.permitIds.includes(permitId)) {
    throw conflict(
      'permit-id-already-used',
      `Permit id ${permitId} is already used in this file`,
      'این شناسه مجوز پیش‌تر در همین پرونده به کار رفته است.',
    );
  }
  if (file.usedHolograms.includes(hologramSerial)) {
    throw conflict(
      'hologram-already-used',
      `Hologram ${hologramSerial} has already been affixed to a permit of this file`,
      `هولوگرام ${hologramSerial} پیش‌تر روی مجوز دیگری از همین پرونده چسبانده شده است؛ هولوگرام دیگری بردارید.`,
    );
  }
  const { purpose, stage } = openCase;
  const { kind, deficiencies, supersedesPermitId } = permitOutcome(file, purpose, stage.deficiencies, data.now);
  const window = validityWindow(data.now, PERMIT_MONTHS[kind]);
  return [
    {
      type: 'OperationPermitGranted',
      data: {
        fileId: data.fileId,
        permitId,
        installationPermitId: file.installation.permitId,
        inspectionId: stage.inspectionId,
        kind,
        hologramSerial,
        deficiencies,
        supersedesPermitId,
        validUntil: window.validUntil.toISOString(),
        validThrough: formatJalali(window.validThrough),
        at: data.now.toISOString(),
      },
    },
  ];
};
