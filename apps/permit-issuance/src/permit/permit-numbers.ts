import { toJalaliDate } from '@cctv/kernel';
import { permitNumberFor, type PermitKind } from '@cctv/issuance-domain';
import type { Sequence, SequenceFactory } from '@cctv/nest-common';

export interface PermitNumbers {
  next(kind: PermitKind, issuedAt: Date): Promise<string>;
}

/**
 * A number is "the n-th permit of its kind in its Jalali year of issue", so
 * each kind has its own sequence per year (`permit_number_main_1404`) and
 * every year starts again at 000001.
 */
export const permitNumbers = (sequences: SequenceFactory): PermitNumbers => {
  const open = new Map<string, Sequence>();
  return {
    async next(kind, issuedAt) {
      const year = toJalaliDate(issuedAt).year;
      const name = `permit_number_${kind}_${year}`;
      const sequence = open.get(name) ?? sequences(name);
      open.set(name, sequence);
      return permitNumberFor(kind, year, await sequence.next());
    },
  };
};
