import { specFor } from '@cctv/kernel/testing';
import { hologramDecider, hologramStreamId, HologramEvent } from './hologram';

const spec = specFor(hologramDecider);
const now = new Date('2025-05-01T07:30:00Z');
const affixed = (permitId: string, fileId = 'file-1'): HologramEvent => ({
  type: 'HologramAffixed',
  data: { serial: 'KR1404000123', fileId, permitId, at: '2025-04-20T06:00:00.000Z' },
});

describe('the hologram registry', () => {
  it('given an unused serial, affixing it records the permit it was used on, in the normalised spelling', () =>
    spec
      .given([])
      .when({ type: 'AffixHologram', data: { serial: 'kr-1404000123', fileId: 'file-1', permitId: 'p-1', now } })
      .then([
        { type: 'HologramAffixed', data: { serial: 'KR1404000123', fileId: 'file-1', permitId: 'p-1', at: now.toISOString() } },
      ]));

  it('given a serial affixed to a permit, affixing it to the same permit again changes nothing (a retried request)', () =>
    spec
      .given([affixed('p-1')])
      .when({ type: 'AffixHologram', data: { serial: 'KR1404000123', fileId: 'file-1', permitId: 'p-1', now } })
      .then([]));

  it('given a serial affixed to a permit, affixing it to another permit is refused: a serial is used once in the province', () =>
    spec
      .given([affixed('p-1')])
      .when({ type: 'AffixHologram', data: { serial: 'KR1404000123', fileId: 'file-2', permitId: 'p-9', now } })
      .thenThrows('hologram-already-used', 'conflict'));

  it('a malformed serial is refused before anything is recorded', () =>
    spec
      .given([])
      .when({ type: 'AffixHologram', data: { serial: '12', fileId: 'file-1', permitId: 'p-1', now } })
      .thenThrows('invalid-hologram-serial', 'invalid'));

  it('one stream per serial, whichever way the serial was typed', () => {
    expect(hologramStreamId('kr 1404000123')).toBe(hologramStreamId('KR-۱۴۰۴۰۰۰۱۲۳'));
    expect(hologramStreamId('KR1404000123')).not.toBe(hologramStreamId('KR1404000124'));
  });
});
