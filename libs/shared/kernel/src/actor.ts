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
