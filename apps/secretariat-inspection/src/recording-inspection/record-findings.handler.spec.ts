import { checklistFor, secretariatFileStreamId, type SecretariatFileState } from '@cctv/secretariat-domain';
import { at, fileStory, storyIds } from '../testing/file-story';
import { metadataAt, storeWith } from '../testing/store-with';
import { RecordFindingsCommand, RecordFindingsHandler } from './record-findings.handler';

const now = at.recorded;
const allPassed = (items: readonly string[]) => items.map((item) => ({ item, passed: true }));
const record = (ids: ReturnType<typeof storyIds>, findings: { item: string; passed: boolean }[], inspector = ids.inspectorId) =>
  new RecordFindingsCommand(ids.fileId, ids.inspectionId, inspector, findings, now, metadataAt(now));

describe('recording an inspection against the file’s checklist', () => {
  it('a public place answers the checklist without the residents’ consent', async () => {
    const ids = storyIds('public-place');
    const store = await storeWith(fileStory(ids, { steps: 4, residential: false }));
    const state: SecretariatFileState = await new RecordFindingsHandler(store).execute(record(ids, allPassed(checklistFor(false))));
    expect(state).toMatchObject({ status: 'signed', openCase: { stage: { step: 'awaiting-decision', deficiencies: [] } } });
  });

  it('a residential building must also answer the residents’ consent', async () => {
    const ids = storyIds('residential');
    const store = await storeWith(fileStory(ids, { steps: 4, residential: true }));
    await expect(new RecordFindingsHandler(store).execute(record(ids, allPassed(checklistFor(false))))).rejects.toMatchObject({
      kind: 'invalid',
      code: 'checklist-incomplete',
    });
    expect(checklistFor(true)).toContain('residents-consent');
    expect(checklistFor(false)).not.toContain('residents-consent');
  });

  it('an inspector the inspection was not assigned to is refused, and nothing is recorded', async () => {
    const ids = storyIds('someone-else');
    const store = await storeWith(fileStory(ids, { steps: 4, residential: false }));
    const before = (await store.readStream(secretariatFileStreamId(ids.fileId))).version;
    await expect(new RecordFindingsHandler(store).execute(record(ids, allPassed(checklistFor(false)), 'inspector-99'))).rejects.toMatchObject({
      kind: 'forbidden',
      code: 'not-your-inspection',
    });
    expect((await store.readStream(secretariatFileStreamId(ids.fileId))).version).toBe(before);
  });

  it('findings for a file the secretariat never received are answered as not found', async () => {
    const ids = storyIds('unknown');
    const store = await storeWith();
    await expect(new RecordFindingsHandler(store).execute(record(ids, allPassed(checklistFor(true))))).rejects.toMatchObject({
      kind: 'not-found',
      code: 'file-not-found',
    });
  });
});
