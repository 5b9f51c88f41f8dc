import { notFound } from '@cctv/kernel';

/** Nothing from the union has reached the secretariat for this file. */
export const fileNotFound = (fileId: string) =>
  notFound(
    'file-not-found',
    `The secretariat has no file ${fileId}; the union has not sent its approval`,
    'این پرونده در دبیرخانه نیست؛ هنوز تأیید اتحادیه برای آن نرسیده است.',
  );
