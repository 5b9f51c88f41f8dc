import { conflict } from '@cctv/kernel';
import type { OpenFile } from '../union-file/commands';
import type { FileOpened } from '../union-file/events';
import { requireValidNow } from '../union-file/guards';
import type { UnionFileState } from '../union-file/state';
import { normalizeApplication, requiredText } from './normalize-application';

export const openFile = ({ data }: OpenFile, state: UnionFileState): readonly FileOpened[] => {
  if (state.status !== 'none') {
    throw conflict(
      'file-already-opened',
      `File ${state.file.fileNumber} is already open`,
      `پرونده ${state.file.fileNumber} پیش‌تر تشکیل شده است.`,
    );
  }
  const at = requireValidNow(data.now);
  const fileId = requiredText(data.fileId, 'fileId', 'شناسه پرونده');
  const fileNumber = requiredText(data.fileNumber, 'fileNumber', 'شماره پرونده');
  const ownerRef = data.ownerRef ? { ownerRef: data.ownerRef } : {};
  return [{ type: 'FileOpened', data: { fileId, fileNumber, ...normalizeApplication(data), ...ownerRef, at } }];
};
