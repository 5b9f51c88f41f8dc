import { hologramStreamId } from '@cctv/secretariat-domain';
import { at, fileStory, storyIds } from '../testing/file-story';
import { metadataAt, storeWith } from '../testing/store-with';
import { installationPermitIdOf, SignInstallationPermitCommand, SignInstallationPermitHandler } from './sign-installation-permit.handler';

const ids = storyIds('sign');
const now = at.signed;
const sign = (serial: string) => new SignInstallationPermitCommand(ids.fileId, serial, now, metadataAt(now));

describe('signing the installation permit', () => {
  it('the permit’s id follows from the file, so every attempt signs the same permit', async () => {
    const store = await storeWith(fileStory(ids, { steps: 1 }));
    const { state } = await new SignInstallationPermitHandler(store).execute(sign('KR1404000901'));
    expect(state).toMatchObject({ status: 'signed', installation: { permitId: installationPermitIdOf(ids.fileId), hologramSerial: 'KR1404000901' } });
    expect(installationPermitIdOf(ids.fileId)).not.toBe(installationPermitIdOf(storyIds('other').fileId));
  });

  it('repeating the request with the same serial, however typed, succeeds without recording anything new', async () => {
    const store = await storeWith(fileStory(ids, { steps: 1 }));
    const handler = new SignInstallationPermitHandler(store);
    await handler.execute(sign('KR1404000901'));
    const logLength = (await store.readAll(null, 100)).length;
    const { state } = await handler.execute(sign('kr-۱۴۰۴۰۰۰۹۰۱'));
    expect(state.status).toBe('signed');
    expect((await store.readAll(null, 100)).length).toBe(logLength);
  });

  it('signing again with another serial is refused as already signed, and that serial stays unused', async () => {
    const store = await storeWith(fileStory(ids, { steps: 1 }));
    const handler = new SignInstallationPermitHandler(store);
    await handler.execute(sign('KR1404000901'));
    await expect(handler.execute(sign('KR1404000902'))).rejects.toMatchObject({ kind: 'conflict', code: 'installation-already-signed' });
    expect((await store.readStream(hologramStreamId('KR1404000902'))).version).toBe(-1);
  });
});
