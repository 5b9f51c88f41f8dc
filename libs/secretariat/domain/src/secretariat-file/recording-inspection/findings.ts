import { invalid, normalizePersianText } from '@cctv/kernel';
import { CHECKLIST_LABELS_FA, type ChecklistItem } from '../../checklist/checklist';
import type { Finding } from '../commands';
import type { Deficiency } from '../events';

export interface CheckedFinding {
  readonly item: ChecklistItem;
  readonly passed: boolean;
  readonly note: string | null;
}

/** A clerk reads the item's Persian label where the default checklist has one. */
const labelFa = (item: ChecklistItem) => CHECKLIST_LABELS_FA[item] ?? item;

const badFindings = (code: string, message: string, messageFa: string) => invalid(code, message, messageFa, 'findings');

/**
 * Every item of the checklist answered exactly once, nothing else; a failed
 * item is a deficiency and must say what is wrong. Returned in checklist order.
 */
export const checkFindings = (
  findings: readonly Finding[],
  checklist: readonly ChecklistItem[],
): readonly CheckedFinding[] => {
  if (checklist.length === 0) {
    throw invalid('checklist-empty', 'The inspection checklist is empty', 'فهرست بازبینی بازدید خالی است.', 'checklist');
  }
  const byItem = new Map<ChecklistItem, Finding>();
  for (const finding of findings) {
    if (!checklist.includes(finding.item)) {
      throw badFindings(
        'unknown-checklist-item',
        `"${finding.item}" is not an item of the checklist`,
        `مورد «${finding.item}» در فهرست بازبینی نیست.`,
      );
    }
    if (byItem.has(finding.item)) {
      throw badFindings(
        'finding-repeated',
        `"${finding.item}" is answered more than once`,
        `برای مورد «${labelFa(finding.item)}» بیش از یک پاسخ ثبت شده است.`,
      );
    }
    byItem.set(finding.item, finding);
  }
  const missing = checklist.filter((item) => !byItem.has(item));
  if (missing.length > 0) {
    throw badFindings(
      'checklist-incomplete',
      `Every item of the checklist must be answered; missing: ${missing.join(', ')}`,
      `همه موارد فهرست بازبینی باید پاسخ داده شوند؛ این موارد بی‌پاسخ مانده‌اند: ${missing.map(labelFa).join('، ')}`,
    );
  }
  return checklist.map((item) => {
    const { passed, note } = byItem.get(item) as Finding;
    const text = normalizePersianText(note ?? '');
    if (!passed && text === '') {
      throw badFindings(
        'deficiency-note-required',
        `The failed item "${item}" needs a note saying what is wrong`,
        `برای مورد ردشده «${labelFa(item)}» بنویسید که چه نقصی دارد.`,
      );
    }
    return { item, passed, note: text === '' ? null : text };
  });
};

export const deficienciesOf = (findings: readonly CheckedFinding[]): readonly Deficiency[] =>
  findings.filter((finding) => !finding.passed).map(({ item, note }) => ({ item, note: note ?? '' }));
