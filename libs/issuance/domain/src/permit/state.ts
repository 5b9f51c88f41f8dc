import type { PermitIssued } from './events';

export type IssuedPermit = PermitIssued['data'];

/** Time alone can end a permit: status 'issued' says only that no later fact was recorded. */
export type PermitState =
  | { readonly status: 'none' }
  | { readonly status: 'issued'; readonly permit: IssuedPermit }
  | {
      readonly status: 'superseded';
      readonly permit: IssuedPermit;
      readonly supersededBy: string;
      readonly supersededAt: string;
    }
  | { readonly status: 'revoked'; readonly permit: IssuedPermit; readonly reason: string; readonly revokedAt: string }
  | { readonly status: 'lapsed' | 'expired'; readonly permit: IssuedPermit; readonly endedAt: string };

export type RecordedPermit = Exclude<PermitState, { status: 'none' }>;

export const initialPermitState: PermitState = { status: 'none' };
