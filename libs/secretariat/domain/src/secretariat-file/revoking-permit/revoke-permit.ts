import { conflict, notFound } from '@cctv/kernel';
import type { RevokePermit } from '../commands';
import type { PermitRevoked, SecretariatFileEvent } from '../events';
import { hasEnded, permitInForce, requiredText, signedFile } from '../rules';
import type { SecretariatFileState } from '../state';
import { permitRevoked } from './revocation-errors';

/**
 * The secretariat revokes the installation permit or the current operation
 * permit, with a reason. Revoking the installation permit closes the file and
 * takes the operation permit in force with it, since that permit rests on it.
 */
export const revokePermit = ({ data }: RevokePermit, state: SecretariatFileState): readonly SecretariatFileEvent[] => {
  const permitId = requiredText(data.permitId, 'permitId', 'شناسه مجوز');
  const reason = requiredText(data.reason, 'reason', 'دلیل لغو');
  if (state.status === 'closed' && state.installation.permitId === permitId) throw permitRevoked();
  const file = signedFile(state);
  const revoked = (id: string, permitType: 'installation' | 'operation'): PermitRevoked => ({
    type: 'PermitRevoked',
    data: { fileId: data.fileId, permitId: id, permitType, reason, at: data.now.toISOString() },
  });

  if (permitId === file.installation.permitId) {
    const operation = permitInForce(file, data.now);
    return [...(operation ? [revoked(operation.permitId, 'operation')] : []), revoked(permitId, 'installation')];
  }
  if (permitId === file.permit?.permitId) {
    if (file.permit.revocationReason !== null) throw permitRevoked();
    if (hasEnded(file.permit.validUntil, data.now)) throw permitNoLongerValid();
    return [revoked(permitId, 'operation')];
  }
  if (file.permitIds.includes(permitId)) throw permitNoLongerValid();
  throw notFound('permit-not-found', `Permit ${permitId} is not a permit of this file`, 'این مجوز از آنِ این پرونده نیست.');
};

/** An ended or superseded permit has nothing left to revoke. */
const permitNoLongerValid = () =>
  conflict(
    'permit-no-longer-valid',
    'The permit has already ended or been superseded',
    'اعتبار این مجوز پیش‌تر تمام شده یا مجوز دیگری جای آن را گرفته است؛ چیزی برای لغو نمانده است.',
  );
