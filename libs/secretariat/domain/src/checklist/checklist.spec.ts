import { CHECKLIST_LABELS_FA, checklistFor, ChecklistEntry, DEFAULT_CHECKLIST } from './checklist';

describe('the inspection checklist', () => {
  it("asks a residential building for the residents' consent", () => {
    expect(checklistFor(true)).toContain('residents-consent');
  });

  it("does not ask a public place for the residents' consent, but asks everything else", () => {
    const items = checklistFor(false);
    expect(items).not.toContain('residents-consent');
    expect(items).toHaveLength(DEFAULT_CHECKLIST.length - 1);
  });

  it('has a Persian label for every default item', () => {
    for (const item of checklistFor(true)) expect(CHECKLIST_LABELS_FA[item]).toMatch(/[\u0600-\u06FF]/);
  });

  it('follows the configuration it is given instead of the default', () => {
    const config: ChecklistEntry[] = [
      { item: 'fire-exit-not-covered', labelFa: 'دوربین جلوی خروج اضطراری نیست', labelEn: 'Fire exit clear', residentialOnly: false },
      { item: 'parking-only', labelFa: 'فقط پارکینگ', labelEn: 'Parking only', residentialOnly: true },
    ];
    expect(checklistFor(false, config)).toEqual(['fire-exit-not-covered']);
    expect(checklistFor(true, config)).toEqual(['fire-exit-not-covered', 'parking-only']);
  });
});
