import { assertNever, conflict, Decider } from '@cctv/kernel';
import { normalizeHologramSerial } from './hologram-serial';

/** The province's hologram registry: one stream per serial, so a serial is used once. */
export const hologramStreamId = (serial: string): string => `hologram-${normalizeHologramSerial(serial)}`;

export type HologramCommand = {
  readonly type: 'AffixHologram';
  readonly data: { readonly serial: string; readonly fileId: string; readonly permitId: string; readonly now: Date };
};

export type HologramEvent = {
  readonly type: 'HologramAffixed';
  readonly data: { readonly serial: string; readonly fileId: string; readonly permitId: string; readonly at: string };
};

export type HologramState =
  | { readonly status: 'unused' }
  | { readonly status: 'affixed'; readonly serial: string; readonly fileId: string; readonly permitId: string };

const alreadyUsed = (serial: string) =>
  conflict(
    'hologram-already-used',
    `Hologram ${serial} has already been affixed to another permit; a serial is used once in the province`,
    `هولوگرام ${serial} پیش‌تر روی مجوز دیگری چسبانده شده است و دوباره به کار نمی‌رود؛ هولوگرام دیگری بردارید.`,
  );

const decide = (command: HologramCommand, state: HologramState): readonly HologramEvent[] => {
  switch (command.type) {
    case 'AffixHologram': {
      const { fileId, permitId, now } = command.data;
      const serial = normalizeHologramSerial(command.data.serial);
      if (state.status === 'affixed') {
        // The same permit asking again is a repeated delivery, not a second use.
        if (state.permitId === permitId) return [];
        throw alreadyUsed(serial);
      }
      return [{ type: 'HologramAffixed', data: { serial, fileId, permitId, at: now.toISOString() } }];
    }
    default:
      return assertNever(command.type);
  }
};

const evolve = (state: HologramState, event: HologramEvent): HologramState => {
  switch (event.type) {
    case 'HologramAffixed': {
      const { serial, fileId, permitId } = event.data;
      return { status: 'affixed', serial, fileId, permitId };
    }
    default:
      return assertNever(event.type);
  }
};

export const hologramDecider: Decider<HologramCommand, HologramState, HologramEvent> = {
  decide,
  evolve,
  initialState: { status: 'unused' },
};
