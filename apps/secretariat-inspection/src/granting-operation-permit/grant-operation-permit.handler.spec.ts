import { DomainError } from '@cctv/kernel';
import { hologramStreamId } from '@cctv/secretariat-domain';
import { at, DEFICIENCIES, fileStory, storyIds } from '../testing/file-story';
import { metadataAt, storeWith } from '../testing/store-with';
import { GrantOperationPermitCommand, GrantOperationPermitHandler, operationPermitIdOf } from './grant-operation-permit.handler';

const ids = storyIds('grant');
const now = at.temporaryGranted;
const inspected = () => fileStory(ids, { steps: 5 }); // the first inspection found two deficiencies
const grant = (serial: string) => new GrantOperationPermitCommand(ids.fileId, serial, now, metadataAt(now));

describe('granting an operation permit with its hologram', () => {
  it('after an inspection with deficiencies, a temporary permit named by file and serial lists them, valid six Jalali months', async () => {
    const store = await storeWith(inspected());
    const { granted } = await new GrantOperationPermitHandler(store).execute(grant('kr-1404-000555'));
    expect(granted).toMatchObject({
      permitId: operationPermitIdOf(ids.fileId, 'KR1404000555'),
      kind: 'temporary',
      hologramSerial: 'KR1404000555',
      deficiencies: DEFICIENCIES,
      validThrough: '1404/08/09', // granted 1404/02/10
    });
  });

  it('the same request again answers the same permit and records nothing new', async () => {
    const store = await storeWith(inspected());
    const handler = new GrantOperationPermitHandler(store);
    const first = await handler.execute(grant('KR1404000555'));
    const logLength = (await store.readAll(null, 100)).length;
    const again = await handler.execute(grant('KR-1404000555'));
    expect(again.granted).toEqual(first.granted);
    expect((await store.readAll(null, 100)).length).toBe(logLength);
  });

  it('once granted, a second grant with another serial is refused and that serial stays unused', async () => {
    const store = await storeWith(inspected());
    const handler = new GrantOperationPermitHandler(store);
    await handler.execute(grant('KR1404000555'));
    const error = await handler.execute(grant('KR1404000556')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ kind: 'conflict', code: 'no-inspection-to-decide' });
    expect((await store.readStream(hologramStreamId('KR1404000556'))).version).toBe(-1);
  });

  it('a serial already on this file’s installation permit is refused as used', async () => {
    const store = await storeWith(inspected());
    const installationSerial = 'KR1404000001';
    const error = await new GrantOperationPermitHandler(store).execute(grant(installationSerial)).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'conflict', code: 'hologram-already-used' });
  });
});
