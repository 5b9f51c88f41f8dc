/** Who acted: a person in one of the offices, or the system itself (timers, reactions). */
export const OFFICE_ROLES = [
  'owner',
  'union-clerk',
  'union-head',
  'secretariat-officer',
  'inspector',
  'registrar',
  'analyst',
  'system',
] as const;

export type OfficeRole = (typeof OFFICE_ROLES)[number];

export interface Actor {
  readonly personId: string;
  readonly role: OfficeRole;
}

export const SYSTEM_ACTOR: Actor = { personId: 'system', role: 'system' };

/** How the offices name each role in Persian, for timelines and registers people read. */
export const ROLE_LABELS_FA: Readonly<Record<OfficeRole, string>> = {
  owner: 'مالک سامانه',
  'union-clerk': 'کارشناس اتحادیه',
  'union-head': 'رئیس اتحادیه',
  'secretariat-officer': 'کارشناس دبیرخانه',
  inspector: 'بازرس',
  registrar: 'مسئول دفتر مجوزها',
  analyst: 'تحلیلگر',
  system: 'سامانه (خودکار)',
};
