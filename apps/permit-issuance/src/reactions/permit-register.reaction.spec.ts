import { InMemoryEventStore, type AppendResult, type EventStore, type NewEvent, type RecordedEvent } from '@cctv/event-store';
import { permitStreamId, type PermitIssued } from '@cctv/issuance-domain';
import { DomainError } from '@cctv/kernel';
import { inMemorySequences } from '@cctv/nest-common';
import { FILE_ID, inboxEvent, installationSigned, operationGranted, permitRevoked, settableClock, SIGNED_AT } from '../testing/register-fixtures';
import { permitRegisterReaction } from './permit-register.reaction';

const TEMPORARY_ID = 'b9d1e2f3-0000-4000-8000-000000000002';
const MAIN_ID = 'c9d1e2f3-0000-4000-8000-000000000003';
const OLD_MAIN_ID = 'e9d1e2f3-0000-4000-8000-000000000005';
const RENEWED_ID = 'd9d1e2f3-0000-4000-8000-000000000004';

const setUp = (store: EventStore = new InMemoryEventStore()) => {
  const logger = { log: jest.fn(), warn: jest.fn() };
  const clock = settableClock('2025-04-30T07:00:05.000Z');
  const reaction = permitRegisterReaction({ store, clock, sequences: inMemorySequences() }, logger);
  const stream = async (permitId: string) => (await store.readStream(permitStreamId(permitId))).events;
  return { store, logger, clock, reaction, stream };
};

const issuedData = (events: readonly RecordedEvent[]) => (events[0].data as PermitIssued['data']);

describe('the register records what the secretariat signed', () => {
  it('given the secretariat signed an installation permit, the register issues it with a number of its kind and year and its hologram, for twelve months', async () => {
    const { reaction, stream } = setUp();
    await reaction.react(installationSigned());

    const events = await stream('a9d1e2f3-0000-4000-8000-000000000001');
    expect(events.map((e) => e.type)).toEqual(['PermitIssued']);
    expect(issuedData(events)).toMatchObject({
      permitNumber: 'KR-IN-1404-000001',
      permitType: 'installation',
      kind: 'installation',
      fileId: FILE_ID,
      hologramSerial: 'KR1404000101',
      supersedesPermitId: null,
      issuedAt: SIGNED_AT,
      issuedOn: '1404/02/10',
      // One year from 1404/02/10: the last valid day is 1405/02/09.
      validThrough: '1405/02/09',
    });
  });

  it('a repeated delivery of the same signing takes no second number and appends nothing', async () => {
    const { reaction, stream } = setUp();
    const signed = installationSigned();
    await reaction.react(signed);
    await reaction.react(signed);
    await reaction.react(installationSigned({ installationPermitId: 'a9d1e2f3-0000-4000-8000-000000000009', fileNumber: 'U-1404-000002', hologramSerial: 'KR1404000109' }));

    expect(await stream('a9d1e2f3-0000-4000-8000-000000000001')).toHaveLength(1);
    // The next permit of the kind gets the very next number: the repeat used none.
    expect(issuedData(await stream('a9d1e2f3-0000-4000-8000-000000000009')).permitNumber).toBe('KR-IN-1404-000002');
  });

  it('the events it appends name the received event as their cause, keep its correlation, and the officer who decided', async () => {
    const { reaction, stream, clock } = setUp();
    const signed = installationSigned();
    await reaction.react(signed);

    const [issued] = await stream('a9d1e2f3-0000-4000-8000-000000000001');
    expect(issued.metadata).toEqual({
      occurredAt: clock.now().toISOString(),
      correlationId: signed.metadata.correlationId,
      causationId: signed.eventId,
      actor: { personId: 'officer-7', role: 'secretariat-officer' },
    });
  });

  it('given deficiencies, a temporary operation permit is numbered as temporary and lists them, valid through 1404/08/09', async () => {
    const { reaction, stream } = setUp();
    await reaction.react(operationGranted());

    expect(issuedData(await stream(TEMPORARY_ID))).toMatchObject({
      permitNumber: 'KR-OT-1404-000001',
      permitType: 'operation',
      kind: 'temporary',
      deficiencies: [{ item: 'monitored-sign-posted', note: expect.any(String) }],
      validThrough: '1404/08/09',
    });
  });

  it('a permit signed in a new Jalali year starts that year’s numbering again', async () => {
    const { reaction, stream } = setUp();
    await reaction.react(operationGranted({ kind: 'main', deficiencies: [] }));
    // 1405/01/05, 10:30 Tehran.
    await reaction.react(operationGranted({ permitId: MAIN_ID, kind: 'main', deficiencies: [], hologramSerial: 'KR1405000001', at: '2026-03-25T07:00:00.000Z' }));

    expect(issuedData(await stream(TEMPORARY_ID)).permitNumber).toBe('KR-OM-1404-000001');
    expect(issuedData(await stream(MAIN_ID)).permitNumber).toBe('KR-OM-1405-000001');
  });

  it('given a temporary permit, when re-inspection passes, the main permit supersedes it from the instant of its signature', async () => {
    const { reaction, stream } = setUp();
    await reaction.react(operationGranted());
    const mainSignedAt = '2025-07-15T06:00:00.000Z';
    await reaction.react(operationGranted({ permitId: MAIN_ID, kind: 'main', deficiencies: [], hologramSerial: 'KR1404000103', supersedesPermitId: TEMPORARY_ID, at: mainSignedAt }));

    expect(issuedData(await stream(MAIN_ID))).toMatchObject({ permitNumber: 'KR-OM-1404-000001', supersedesPermitId: TEMPORARY_ID });
    const temporary = await stream(TEMPORARY_ID);
    expect(temporary.map((e) => e.type)).toEqual(['PermitIssued', 'PermitSuperseded']);
    expect(temporary[1].data).toMatchObject({ supersededBy: MAIN_ID, at: mainSignedAt, permitNumber: 'KR-OT-1404-000001', fileId: FILE_ID });
  });

  it('after a crash between issuing the main permit and superseding the temporary one, the retry supersedes it without a second number', async () => {
    const inner = new InMemoryEventStore();
    let failSupersede = true;
    const flaky: EventStore = {
      readStream: (id) => inner.readStream(id),
      readAll: (after, limit) => inner.readAll(after, limit),
      async appendToStream(id: string, events: readonly NewEvent[], expected): Promise<AppendResult> {
        if (failSupersede && events.some((e) => e.type === 'PermitSuperseded')) {
          failSupersede = false;
          throw new Error('connection lost');
        }
        return inner.appendToStream(id, events, expected);
      },
    };
    const { reaction, stream } = setUp(flaky);
    await reaction.react(operationGranted());
    const main = operationGranted({ permitId: MAIN_ID, kind: 'main', deficiencies: [], hologramSerial: 'KR1404000103', supersedesPermitId: TEMPORARY_ID, at: '2025-07-15T06:00:00.000Z' });

    await expect(reaction.react(main)).rejects.toThrow('connection lost');
    await reaction.react(main);

    expect((await stream(MAIN_ID)).map((e) => e.type)).toEqual(['PermitIssued']);
    expect(issuedData(await stream(MAIN_ID)).permitNumber).toBe('KR-OM-1404-000001');
    expect((await stream(TEMPORARY_ID)).map((e) => e.type)).toEqual(['PermitIssued', 'PermitSuperseded']);
  });

  it('a renewal seen through after the old main permit expired issues the new permit and supersedes nothing', async () => {
    const { reaction, stream, logger } = setUp();
    await reaction.react(operationGranted({ permitId: OLD_MAIN_ID, kind: 'main', deficiencies: [] }));
    // Two years on the old permit ended at the start of 1406/02/10; the new one is signed a week later.
    const renewal = operationGranted({ permitId: RENEWED_ID, kind: 'main', deficiencies: [], hologramSerial: 'KR1406000001', supersedesPermitId: OLD_MAIN_ID, at: '2027-05-07T06:00:00.000Z' });

    await expect(reaction.react(renewal)).resolves.toBeUndefined();

    expect(issuedData(await stream(RENEWED_ID)).permitNumber).toBe('KR-OM-1406-000001');
    expect((await stream(OLD_MAIN_ID)).map((e) => e.type)).toEqual(['PermitIssued']);
    expect(logger.log).toHaveBeenCalledWith(expect.stringContaining('permit-ended'));
  });
});

describe('the register records revocations', () => {
  it('given a permit in force, when the secretariat revokes it, the register shows it revoked with the reason from that instant', async () => {
    const { reaction, stream } = setUp();
    await reaction.react(operationGranted());
    const revoked = permitRevoked();
    await reaction.react(revoked);

    const events = await stream(TEMPORARY_ID);
    expect(events.map((e) => e.type)).toEqual(['PermitIssued', 'PermitRevoked']);
    expect(events[1].data).toMatchObject({ reason: 'دوربین به داخل منازل همسایه دید دارد', at: '2025-06-01T08:00:00.000Z' });
    expect(events[1].metadata.causationId).toBe(revoked.eventId);
  });

  it('a revocation delivered again is passed over as already done, logged by id and type only', async () => {
    const { reaction, stream, logger } = setUp();
    await reaction.react(operationGranted());
    await reaction.react(permitRevoked());
    const again = permitRevoked();
    await expect(reaction.react(again)).resolves.toBeUndefined();

    expect((await stream(TEMPORARY_ID)).map((e) => e.type)).toEqual(['PermitIssued', 'PermitRevoked']);
    const line = String(logger.log.mock.calls.at(-1)?.[0]);
    expect(line).toContain(again.eventId);
    expect(line).not.toContain('همسایه');
  });

  it('a revocation of a permit the register never recorded is not swallowed, so that the runner retries it', async () => {
    const { reaction } = setUp();
    await expect(reaction.react(permitRevoked())).rejects.toBeInstanceOf(DomainError);
  });
});

describe('what the register does not react to', () => {
  it('the secretariat’s other steps append nothing', async () => {
    const store = new InMemoryEventStore();
    const { reaction } = setUp(store);
    await reaction.react(inboxEvent('secretariat.RemediationReported.v1', { fileId: FILE_ID, at: SIGNED_AT }));
    expect(await store.readAll(null, 10)).toHaveLength(0);
  });
});
