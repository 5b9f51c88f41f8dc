import type { DataSource } from 'typeorm';
import type { AppendResult, EventStore, InMemoryEventStore, LogPosition } from '@cctv/event-store';
import type { PermitStatus } from '@cctv/issuance-domain';
import { LapseSweeper } from '../lapse-sweep/lapse-sweeper';
import { settableClock } from '../testing/register-fixtures';
import { openRegisterDatabase } from '../testing/register-database';
import { FILE_A, id, secretariatDecisions } from '../testing/three-files';
import { PermitRow } from './permit.row';
import { permitRegisterProjection } from './permit-register.projection';
import { PermitRegisterQueries } from './permit-register.queries';
import { PERMIT_STATUSES } from './register-status';

/** A store whose appends wait at a gate, to hold one sweep in the middle of its pass. */
const gatedStore = (inner: EventStore) => {
  let open: () => void = () => undefined;
  let gate: Promise<void> | null = null;
  const store: EventStore = {
    readStream: (streamId) => inner.readStream(streamId),
    readAll: (after: LogPosition | null, limit: number) => inner.readAll(after, limit),
    async appendToStream(streamId, events, expected): Promise<AppendResult> {
      await gate;
      return inner.appendToStream(streamId, events, expected);
    },
  };
  return {
    store,
    close: () => void (gate = new Promise<void>((resolve) => (open = resolve))),
    open: () => open(),
  };
};

describe('the permit register read model (PostgreSQL)', () => {
  const clock = settableClock('2025-08-01T08:00:00.000Z');
  let db: DataSource;
  let store: InMemoryEventStore;
  let catchUp: () => Promise<void>;
  let close: () => Promise<void>;
  let register: PermitRegisterQueries;

  const numbersAt = async (at: string, status: PermitStatus) => {
    clock.set(at);
    return (await register.list({ status })).permits.map((p) => p.permitNumber).sort();
  };

  beforeAll(async () => {
    ({ db, store, catchUp, close } = await openRegisterDatabase(clock, secretariatDecisions()));
    register = new PermitRegisterQueries(db, clock, 'https://permits.example.ir');
  });

  afterAll(async () => {
    await close();
  });

  it('keeps each permit’s steps with who took them, when (ISO and Jalali) and the request that caused them', async () => {
    const officer = { personId: 'officer-7', role: 'secretariat-officer', roleFa: 'کارشناس دبیرخانه' };
    expect(await register.stepsOf(id(2))).toEqual([
      { step: 'PermitIssued', stepFa: 'ثبت و صدور مجوز', at: '2025-05-20T07:00:00.000Z', atJalali: '1404/02/30', actor: officer, correlationId: expect.stringMatching(/^corr-/) },
      { step: 'PermitSuperseded', stepFa: 'جایگزینی با مجوز جدید', at: '2025-07-15T07:00:00.000Z', atJalali: '1404/04/24', actor: officer, correlationId: expect.stringMatching(/^corr-/) },
    ]);
    const revoked = await register.stepsOf(id(4));
    expect(revoked.map((s) => [s.step, s.actor.personId, s.atJalali])).toEqual([['PermitIssued', 'officer-7', '1404/02/11'], ['PermitRevoked', 'officer-7', '1404/03/11']]);
    // The revocation's step carries the revocation request's correlation id, not the grant's.
    expect(revoked[0].correlationId).not.toBe(revoked[1].correlationId);
  });

  it('holds one line per permit, newest first, numbered per kind and year in the order the decisions arrived', async () => {
    clock.set('2025-08-01T08:00:00.000Z');
    const { total, permits } = await register.list({});
    expect(total).toBe(5);
    expect(permits.map((p) => [p.permitNumber, p.kindFa])).toEqual([
      ['KR-OM-1404-000001', 'مجوز اصلی بهره‌برداری (دو ساله)'], // file A's main, 1404/04/24
      ['KR-OT-1404-000001', 'مجوز موقت بهره‌برداری (شش ماهه)'], // file A's temporary, 1404/02/30
      ['KR-OT-1404-000002', 'مجوز موقت بهره‌برداری (شش ماهه)'], // file C, 1404/02/20
      ['KR-OM-1404-000002', 'مجوز اصلی بهره‌برداری (دو ساله)'], // file B, 1404/02/11
      ['KR-IN-1404-000001', 'مجوز نصب'], // file A's installation, 1404/02/10
    ]);
  });

  it('given a temporary permit superseded by a main one, each line names the other by number', async () => {
    clock.set('2025-08-01T08:00:00.000Z');
    const temporary = await register.byNumber('KR-OT-1404-000001');
    const main = await register.byNumber('KR-OM-1404-000001');
    expect(temporary).toMatchObject({ status: 'superseded', supersededByPermitNumber: 'KR-OM-1404-000001', supersededOnJalali: '1404/04/24' });
    expect(main).toMatchObject({ status: 'valid', supersedesPermitNumber: 'KR-OT-1404-000001', fileId: FILE_A });
  });

  it('finds a permit by its number typed in Persian digits, and by its hologram', async () => {
    clock.set('2025-08-01T08:00:00.000Z');
    expect((await register.byNumber('kr-om-۱۴۰۴-۰۰۰۰۰۲'))?.permitNumber).toBe('KR-OM-1404-000002');
    expect((await register.byHologram('KR-1404000105'))?.permitNumber).toBe('KR-OT-1404-000002');
    expect(await register.byNumber('KR-OM-1404-999999')).toBeNull();
  });

  it('filters by file and kind, and pages', async () => {
    clock.set('2025-08-01T08:00:00.000Z');
    expect((await register.list({ fileId: FILE_A })).permits.map((p) => p.permitNumber).sort()).toEqual([
      'KR-IN-1404-000001', 'KR-OM-1404-000001', 'KR-OT-1404-000001',
    ]);
    expect((await register.list({ kind: 'temporary' })).total).toBe(2);
    const page = await register.list({ limit: 2, offset: 2 });
    expect(page).toMatchObject({ total: 5 });
    expect(page.permits.map((p) => p.permitNumber)).toEqual(['KR-OT-1404-000002', 'KR-OM-1404-000002']);
  });

  it('a revoked permit reads revoked with its reason', async () => {
    clock.set('2025-08-01T08:00:00.000Z');
    expect(await register.byNumber('KR-OM-1404-000002')).toMatchObject({ status: 'revoked', revocationReason: 'دوربین به داخل منازل دید دارد' });
  });

  it('given an unremedied temporary permit, it reads expiring in its last thirty days and lapsed after 1404/08/19, before any sweep', async () => {
    // 1404/07/20 (2025-10-12) is thirty days before the end date 1404/08/20 (2025-11-11).
    expect(await numbersAt('2025-10-11T20:29:59.000Z', 'expiring')).toEqual([]);
    expect(await numbersAt('2025-10-11T20:30:00.000Z', 'expiring')).toEqual(['KR-OT-1404-000002']);
    expect(await numbersAt('2025-11-10T20:30:00.000Z', 'lapsed')).toEqual(['KR-OT-1404-000002']);
  });

  it.each([
    '2025-05-15T00:00:00.000Z', '2025-06-01T07:59:59.000Z', '2025-06-01T08:00:00.000Z', '2025-08-01T08:00:00.000Z',
    '2025-10-20T00:00:00.000Z', '2025-12-01T00:00:00.000Z', '2026-04-20T00:00:00.000Z', '2026-05-01T00:00:00.000Z', '2027-08-01T00:00:00.000Z',
  ])('at %s, the list filtered by each status holds exactly the permits whose line reads that status', async (at) => {
    clock.set(at);
    const all = (await register.list({ limit: 200 })).permits;
    for (const status of PERMIT_STATUSES) {
      const expected = all.filter((p) => p.status === status).map((p) => p.permitNumber).sort();
      expect({ status, permits: await numbersAt(at, status) }).toEqual({ status, permits: expected });
    }
  });

  describe('the lapse sweep', () => {
    it('records the end of permits time has ended and only those, once', async () => {
      clock.set('2025-11-15T08:00:00.000Z');
      const sweeper = new LapseSweeper(db, store, clock, 30_000);

      expect(await sweeper.sweepOnce()).toEqual({ swept: true, ended: 1, failed: 0 });
      const { events } = await store.readStream(`permit-${id(5)}`);
      expect(events.map((e) => e.type)).toEqual(['PermitIssued', 'PermitLapsed']);
      expect(events[1].metadata.actor.role).toBe('system');

      // Until the read model catches up it still shows the permit as issued; a second pass adds nothing.
      expect(await sweeper.sweepOnce()).toEqual({ swept: true, ended: 0, failed: 0 });
      await catchUp();
      expect(await register.byNumber('KR-OT-1404-000002')).toMatchObject({ status: 'lapsed' });
      expect(await db.getRepository(PermitRow).findOneByOrFail({ permitId: id(5) })).toMatchObject({ recorded: 'lapsed' });
      expect((await register.stepsOf(id(5))).map((s) => [s.step, s.actor.role])).toEqual([['PermitIssued', 'secretariat-officer'], ['PermitLapsed', 'system']]);
    });

    it('only one replica sweeps at a time: the other skips its round', async () => {
      // A year on, the installation permit of file A (valid through 1405/02/09) has lapsed.
      clock.set('2026-05-15T08:00:00.000Z');
      const gated = gatedStore(store);
      const first = new LapseSweeper(db, gated.store, clock, 30_000);
      const second = new LapseSweeper(db, store, clock, 30_000);

      gated.close();
      const held = first.sweepOnce();
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(await second.sweepOnce()).toEqual({ swept: false, ended: 0, failed: 0 });
      gated.open();
      expect(await held).toEqual({ swept: true, ended: 1, failed: 0 });
      expect((await store.readStream(`permit-${id(1)}`)).events.map((e) => e.type)).toEqual(['PermitIssued', 'PermitLapsed']);
    });

    it('runs once at start and stops with the application', async () => {
      await catchUp();
      // Two years after 1404/04/24 the main permit of file A has expired.
      clock.set('2027-08-01T08:00:00.000Z');
      const sweeper = new LapseSweeper(db, store, clock, 60_000);
      sweeper.onApplicationBootstrap();
      const expired = async () => (await store.readStream(`permit-${id(3)}`)).events.some((e) => e.type === 'PermitExpired');
      for (let i = 0; i < 50 && !(await expired()); i++) await new Promise((resolve) => setTimeout(resolve, 100));
      await sweeper.onApplicationShutdown();
      expect(await expired()).toBe(true);
    });
  });

  it('holds exactly the same rows whether the log comes one event at a time or in batches', async () => {
    await catchUp();
    const rows = () => db.query(`SELECT * FROM "${db.getMetadata(PermitRow).schema}".rm_permits ORDER BY "permitId"`);
    const oneByOne = await rows();
    const log = await store.readAll(null, 10_000);
    for (const size of [log.length, 3]) {
      await db.transaction(async (em) => {
        await permitRegisterProjection.reset(em);
        for (let i = 0; i < log.length; i += size) await permitRegisterProjection.applyBatch(log.slice(i, i + size), em);
      });
      expect(await rows()).toEqual(oneByOne);
    }
  });
});
