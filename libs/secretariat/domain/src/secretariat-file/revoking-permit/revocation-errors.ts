import { conflict } from '@cctv/kernel';

export const permitRevoked = () =>
  conflict('permit-revoked', 'The permit has been revoked', 'این مجوز لغو شده است.');
