import { conflict, normalizeMobile } from '@cctv/kernel';
import type { RequestOperationPermit } from '../commands';
import type { SecretariatFileEvent } from '../events';
import { caseInProgress, hasEnded, permitInForce, requiredText, signedFile } from '../rules';
import type { SecretariatFileState } from '../state';

/**
 * The owner's written request, referring to the installation permit. One
 * operation permit per installation permit at a time: a new request is
 * possible after a refusal, a revocation or a lapse, while the installation
 * permit itself is still valid.
 */
export const requestOperationPermit = (
  { data }: RequestOperationPermit,
  state: SecretariatFileState,
): readonly SecretariatFileEvent[] => {
  const requestId = requiredText(data.requestId, 'requestId', 'شناسه درخواست');
  const letterNumber = requiredText(data.letterNumber, 'letterNumber', 'شماره نامه درخواست');
  const siteAddress = requiredText(data.siteAddress, 'siteAddress', 'نشانی محل نصب');
  const contactMobile = normalizeMobile(data.contactMobile, 'contactMobile');
  const file = signedFile(state);
  if (hasEnded(file.installation.validUntil, data.now)) {
    throw conflict(
      'installation-permit-lapsed',
      'The installation permit is more than a year old; the owner must apply again at the union',
      'یک سال از امضای مجوز نصب گذشته و اعتبار آن تمام شده است؛ مالک باید دوباره از اتحادیه درخواست کند.',
    );
  }
  if (caseInProgress(file, data.now)) {
    throw conflict(
      'request-in-progress',
      'An operation permit request of this file is already being handled',
      'درخواست مجوز بهره‌برداری این پرونده هم‌اکنون در دست بررسی است.',
    );
  }
  if (permitInForce(file, data.now)) {
    throw conflict(
      'operation-permit-in-force',
      'This file already has a valid operation permit; one operation permit per installation permit at a time',
      'این پرونده هم‌اکنون مجوز بهره‌برداری معتبر دارد و پروانه دوم داده نمی‌شود.',
    );
  }
  return [
    {
      type: 'OperationPermitRequested',
      data: {
        fileId: data.fileId,
        requestId,
        installationPermitId: file.installation.permitId,
        letterNumber,
        siteAddress,
        contactMobile,
        at: data.now.toISOString(),
      },
    },
  ];
};
