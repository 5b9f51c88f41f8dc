import { assertNever, conflict } from '@cctv/kernel';
import type { Deficiency, InspectionPurpose, OperationPermitKind } from '../events';
import { permitInForce, temporaryPermitLapsed } from '../rules';
import type { SignedFile } from '../state';

export interface PermitOutcome {
  readonly kind: OperationPermitKind;
  readonly deficiencies: readonly Deficiency[];
  readonly supersedesPermitId: string | null;
}

/**
 * Which permit an inspection leads to (DOMAIN.md steps 8–9 and the renewal
 * decision):
 * - first inspection: no deficiency → main; deficiencies → temporary listing them;
 * - re-inspection of a temporary permit: passed → main superseding it; still
 *   deficient → refused, since a temporary permit is neither extended nor
 *   repeated; the temporary permit already ended → refused as lapsed;
 * - renewal of a main permit: passed → a new main permit superseding it;
 *   deficient → a temporary permit superseding it, so the owner has six months
 *   to remedy exactly as after a first inspection.
 */
export const permitOutcome = (
  file: SignedFile,
  purpose: InspectionPurpose,
  deficiencies: readonly Deficiency[],
  now: Date,
): PermitOutcome => {
  const passed = deficiencies.length === 0;
  switch (purpose) {
    case 'first':
      return passed
        ? { kind: 'main', deficiencies: [], supersedesPermitId: null }
        : { kind: 'temporary', deficiencies, supersedesPermitId: null };
    case 'reinspection': {
      const temporary = permitInForce(file, now);
      if (!temporary) throw temporaryPermitLapsed();
      if (!passed) {
        throw conflict(
          'deficiencies-remain',
          'The re-inspection still found deficiencies; the temporary permit is not extended or repeated, and the owner must remedy them within its six months',
          'در بازدید مجدد هنوز نواقصی دیده شد؛ مجوز موقت تمدید یا تکرار نمی‌شود و مالک باید تا پایان همان شش ماه نواقص را برطرف کند.',
        );
      }
      return { kind: 'main', deficiencies: [], supersedesPermitId: temporary.permitId };
    }
    case 'renewal': {
      // A renewal asked for in time is seen through even if the old permit ends meanwhile.
      const supersedesPermitId = file.permit?.permitId ?? null;
      return passed
        ? { kind: 'main', deficiencies: [], supersedesPermitId }
        : { kind: 'temporary', deficiencies, supersedesPermitId };
    }
    default:
      return assertNever(purpose);
  }
};
