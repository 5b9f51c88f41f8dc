import { OwnerRefs } from '@cctv/nest-common';
import type { Actor } from '@cctv/kernel';
import { secretariatFileStreamId, type SecretariatFileCommand } from '@cctv/secretariat-domain';
import { at, CONTACT_MOBILE, fileStory, OFFICER, SITE_ADDRESS, storyIds } from '../testing/file-story';
import { metadataAt, storeWith } from '../testing/store-with';
import { ExecuteSecretariatFileCommand, ExecuteSecretariatFileCommandHandler } from './execute-secretariat-file-command';

const ownerRefs = new OwnerRefs({ kind: 'secret', secret: 'a-test-secret-long-enough-for-owner-refs-0123456789' });
const OWN_ID = '0013542419';
const OTHER_ID = '0067749828';
const OWNER: Actor = { personId: 'owner-zahra', role: 'owner' };

const ids = storyIds('owner-access');
const request: SecretariatFileCommand = {
  type: 'RequestOperationPermit',
  data: { fileId: ids.fileId, requestId: 'req-1', letterNumber: '1404/512', siteAddress: SITE_ADDRESS, contactMobile: CONTACT_MOBILE, now: at.requested },
};

/** A signed file whose approval named the owner by reference, ready for the owner's written request. */
const setUp = async (ownerRef: string | null = ownerRefs.of(ids.fileId, OWN_ID)) => {
  const store = await storeWith(fileStory(ids, { steps: 2, ownerRef: ownerRef ?? undefined }));
  const handler = new ExecuteSecretariatFileCommandHandler(store, ownerRefs);
  const version = async () => (await store.readStream(secretariatFileStreamId(ids.fileId))).version;
  const run = (actor: Actor, nationalId?: string, command: SecretariatFileCommand = request) =>
    handler.execute(new ExecuteSecretariatFileCommand(command, metadataAt(at.requested), { actor, ...(nationalId ? { nationalId } : {}) }));
  return { run, version };
};

describe('an owner’s command at the secretariat', () => {
  it('on their own file is decided and recorded', async () => {
    const { run, version } = await setUp();
    const before = await version();
    await expect(run(OWNER, OWN_ID)).resolves.toMatchObject({ status: 'signed', openCase: { purpose: 'first' } });
    expect(await version()).toBeGreaterThan(before);
  });

  it('on another owner’s file is refused before the rules decide, and nothing is appended', async () => {
    const { run, version } = await setUp();
    const before = await version();
    await expect(run({ ...OWNER, personId: 'owner-hossein' }, OTHER_ID)).rejects.toMatchObject({ kind: 'forbidden', code: 'not-your-file' });
    await expect(run(OWNER)).rejects.toMatchObject({ kind: 'forbidden', code: 'owner-without-national-id' });
    expect(await version()).toBe(before);
  });

  it('on a file approved before owner references existed is refused, while the office still acts on it', async () => {
    const { run, version } = await setUp(null);
    const before = await version();
    await expect(run(OWNER, OWN_ID)).rejects.toMatchObject({ code: 'not-your-file' });
    expect(await version()).toBe(before);
    await expect(run(OFFICER)).resolves.toMatchObject({ status: 'signed' });
  });

  it('on a file the secretariat never received is the same refusal for an owner, and not found for the office', async () => {
    const { run } = await setUp();
    const unknown = { ...request, data: { ...request.data, fileId: storyIds('never-received').fileId } } as SecretariatFileCommand;
    await expect(run(OWNER, OWN_ID, unknown)).rejects.toMatchObject({ kind: 'forbidden', code: 'not-your-file' });
    await expect(run(OFFICER, undefined, unknown)).rejects.toMatchObject({ kind: 'not-found' });
  });
});
