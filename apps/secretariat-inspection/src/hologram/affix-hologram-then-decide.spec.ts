import { DomainError } from '@cctv/kernel';
import { hologramStreamId, secretariatFileStreamId, type SignInstallationPermit } from '@cctv/secretariat-domain';
import { fileStory, storyIds } from '../testing/file-story';
import { metadataAt, storeWith } from '../testing/store-with';
import { affixHologramThenDecide } from './affix-hologram-then-decide';

const now = new Date('2025-04-09T06:30:00Z');
const metadata = metadataAt(now);

const sign = (fileId: string, installationPermitId: string, hologramSerial: string): SignInstallationPermit => ({
  type: 'SignInstallationPermit',
  data: { fileId, installationPermitId, hologramSerial, now },
});

const signedWith = (permitId: string, serial: string) => (state: { status: string; installation?: { permitId: string; hologramSerial: string } }) =>
  state.status === 'signed' && state.installation?.permitId === permitId && state.installation.hologramSerial === serial;

const refusal = async (promise: Promise<unknown>): Promise<DomainError> => {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
};

describe('signing with a hologram', () => {
  const a = storyIds('hologram-a');
  const b = storyIds('hologram-b');
  const queuedOnly = (ids: typeof a) => fileStory(ids, { steps: 1 });

  it('given a queued file and an unused serial, the hologram is recorded on the permit and the permit is signed', async () => {
    const store = await storeWith(queuedOnly(a));
    const { state } = await affixHologramThenDecide(store, sign(a.fileId, a.installationPermitId, 'kr-1404000777'), metadata, signedWith(a.installationPermitId, 'KR1404000777'));
    expect(state).toMatchObject({ status: 'signed', installation: { permitId: a.installationPermitId, hologramSerial: 'KR1404000777' } });
    const hologram = await store.readStream(hologramStreamId('KR1404000777'));
    expect(hologram.events.map((e) => e.data)).toEqual([expect.objectContaining({ fileId: a.fileId, permitId: a.installationPermitId })]);
  });

  it('a serial already affixed to another file’s permit is refused as hologram-already-used, and the file stays unsigned', async () => {
    const store = await storeWith(queuedOnly(a), queuedOnly(b));
    await affixHologramThenDecide(store, sign(a.fileId, a.installationPermitId, 'KR1404000777'), metadata, signedWith(a.installationPermitId, 'KR1404000777'));
    const error = await refusal(
      affixHologramThenDecide(store, sign(b.fileId, b.installationPermitId, 'KR-1404000777'), metadata, signedWith(b.installationPermitId, 'KR1404000777')),
    );
    expect(error).toMatchObject({ kind: 'conflict', code: 'hologram-already-used' });
    expect((await store.readStream(secretariatFileStreamId(b.fileId))).events.map((e) => e.type)).toEqual(['InstallationQueuedForSigning']);
  });

  it('a signing the rules refuse burns no hologram: the serial stays free for another permit', async () => {
    const store = await storeWith(queuedOnly(b));
    // File a is unknown to the secretariat: its signing is refused before the registry is touched.
    const error = await refusal(
      affixHologramThenDecide(store, sign(a.fileId, a.installationPermitId, 'KR1404000777'), metadata, signedWith(a.installationPermitId, 'KR1404000777')),
    );
    expect(error.code).toBe('file-not-found');
    expect((await store.readStream(hologramStreamId('KR1404000777'))).version).toBe(-1);
    const { state } = await affixHologramThenDecide(store, sign(b.fileId, b.installationPermitId, 'KR1404000777'), metadata, signedWith(b.installationPermitId, 'KR1404000777'));
    expect(state.status).toBe('signed');
  });

  it('the same request repeated succeeds again and records nothing new', async () => {
    const store = await storeWith(queuedOnly(a));
    const request = () =>
      affixHologramThenDecide(store, sign(a.fileId, a.installationPermitId, 'KR1404000777'), metadata, signedWith(a.installationPermitId, 'KR1404000777'));
    await request();
    const logLength = (await store.readAll(null, 100)).length;
    const { state } = await request();
    expect(state.status).toBe('signed');
    expect((await store.readAll(null, 100)).length).toBe(logLength);
  });

  it('a request repeated after a crash between affixing and signing completes the signing', async () => {
    const store = await storeWith(queuedOnly(a));
    const fileStream = secretariatFileStreamId(a.fileId);
    const append = store.appendToStream.bind(store);
    jest.spyOn(store, 'appendToStream').mockImplementationOnce(append).mockImplementationOnce(async (streamId) => {
      expect(streamId).toBe(fileStream);
      throw new Error('process died');
    });
    const request = () =>
      affixHologramThenDecide(store, sign(a.fileId, a.installationPermitId, 'KR1404000777'), metadata, signedWith(a.installationPermitId, 'KR1404000777'));
    await expect(request()).rejects.toThrow('process died');
    const { state } = await request();
    expect(state.status).toBe('signed');
    expect((await store.readStream(hologramStreamId('KR1404000777'))).events).toHaveLength(1);
  });

  it('the same request sent twice at once signs once and both are answered with the signed file', async () => {
    const store = await storeWith(queuedOnly(a));
    const request = () =>
      affixHologramThenDecide(store, sign(a.fileId, a.installationPermitId, 'KR1404000777'), metadata, signedWith(a.installationPermitId, 'KR1404000777'));
    const [first, second] = await Promise.all([request(), request()]);
    expect([first.state.status, second.state.status]).toEqual(['signed', 'signed']);
    expect((await store.readStream(secretariatFileStreamId(a.fileId))).events.map((e) => e.type)).toEqual([
      'InstallationQueuedForSigning',
      'InstallationPermitSigned',
    ]);
  });
});
