import { formatJalali, toJalaliDate, validityWindow } from '@cctv/kernel';
import { checklistFor } from '@cctv/secretariat-domain';
import { call, eventually, signTokensWith, type Actor } from './support/http';
import {
  ADDRESS_WORD, clerk, inspector, MOBILE, NATIONAL_ID, NATIONAL_ID_2, officer, owner, owner2, ownerOf, POSTAL_CODE, publicPlace, registrar, residentialBuilding, unionHead, unionHead2,
} from './support/fixtures';
import { startEmbeddedStack } from './support/embedded-stack';
import { startStack, type RunningStack } from './support/stack';
import { readAllMessages } from './support/topics';

jest.setTimeout(180_000);

const stacks = [
  { name: 'three processes on PostgreSQL and Kafka', start: startStack, readsKafka: true },
  { name: 'npm start: one process on PGlite and the in-process bus', start: startEmbeddedStack, readsKafka: false },
];

describe.each(stacks)('$name', ({ name, start, readsKafka }) => {
  let stack: RunningStack;
  let started = 0;
  const run = Date.now().toString().slice(-6);
  const hologram = (n: number) => `KR${run}${String(n).padStart(4, '0')}`;

  beforeAll(async () => {
    started = Date.now();
    stack = await start();
    signTokensWith(stack.sign);
    console.log(`[e2e] ${name}: ready in ${Date.now() - started} ms`);
  });

  afterAll(async () => {
    await stack?.stop();
    console.log(`[e2e] ${name}: whole run ${Date.now() - started} ms`);
  });

  // Reads go as the office's own staff unless a test says otherwise; `null` sends no token at all.
  const union = (method: 'GET' | 'POST', path: string, actor: Actor | null = clerk, body?: unknown) => call(stack.union, method, path, { actor: actor ?? undefined, body });
  const secretariat = (method: 'GET' | 'POST', path: string, actor: Actor | null = officer, body?: unknown) => call(stack.secretariat, method, path, { actor: actor ?? undefined, body });
  const issuance = (method: 'GET' | 'POST', path: string, actor: Actor | null = path.startsWith('/verify') ? null : registrar) =>
    call(stack.issuance, method, path, { actor: actor ?? undefined });

  const unionFile = (fileId: string) => union('GET', `/files/${fileId}`).then((r) => r.body);
  const registerOf = (fileId: string) => issuance('GET', `/permits?fileId=${fileId}`).then((r) => r.body.permits as any[]);

  /** Opens a file and takes it through its documents, ready for the union's decision. */
  const fileReadyForDecision = async (application: unknown): Promise<{ fileId: string; fileNumber: string }> => {
    const opened = await union('POST', '/files', clerk, application);
    expect(opened.status).toBe(201);
    for (const doc of opened.body.documents as { kind: string }[]) {
      expect((await union('POST', `/files/${opened.body.fileId}/documents/${doc.kind}`, ownerOf(application as never), { reference: `scan/${doc.kind}.pdf` })).status).toBe(200);
      expect((await union('POST', `/files/${opened.body.fileId}/documents/${doc.kind}/accept`, clerk)).status).toBe(200);
    }
    return opened.body;
  };

  const signedFile = async (application: unknown, serial: string) => {
    const file = await fileReadyForDecision(application);
    expect((await union('POST', `/files/${file.fileId}/approve`, unionHead)).status).toBe(200);
    await eventually(() => secretariat('GET', '/signing-queue'), (r) => JSON.stringify(r.body).includes(file.fileId), 'file in the signing queue');
    const signed = await secretariat('POST', `/files/${file.fileId}/installation-permit/sign`, officer, { hologramSerial: serial });
    expect(signed.status).toBe(200);
    return file;
  };

  /** Inspectors answer every item of the default checklist of a residential building. */
  const allChecklistPassed = async (fileId: string, inspectionId: string, failing: Record<string, string> = {}) => {
    const items = checklistFor(true);
    const findings = items.map((item) => (failing[item] ? { item, passed: false, note: failing[item] } : { item, passed: true }));
    return secretariat('POST', `/files/${fileId}/inspections/${inspectionId}/findings`, inspector, { findings });
  };

  describe('a residential building’s file, from the union’s desk to a main operation permit', () => {
    it('travels across the three offices, each seeing it in its own read model', async () => {
      const t0 = Date.now();
      // 1. The owner opens a file at the union (Arabic ي/ك in the name and address, Persian digits).
      const opened = await union('POST', '/files', clerk, residentialBuilding());
      expect(opened.status).toBe(201);
      const { fileId, fileNumber } = opened.body;
      expect(fileNumber).toMatch(/^U-\d{4}-\d{6}$/);
      expect(opened.body.documents.map((d: any) => d.kind)).toContain('assembly-approval');

      // 2. Documents: one is unreadable and asked for again.
      for (const doc of opened.body.documents as { kind: string }[]) {
        expect((await union('POST', `/files/${fileId}/documents/${doc.kind}`, owner, { reference: `scan/${doc.kind}.pdf` })).status).toBe(200);
      }
      const again = await union('POST', `/files/${fileId}/documents/premises-right/request-again`, clerk, { reason: 'تصویر سند ناخواناست' });
      expect(again.status).toBe(200);
      expect(again.body.documents.find((d: any) => d.kind === 'premises-right').status).toBe('re-requested');
      const early = await union('POST', `/files/${fileId}/approve`, unionHead);
      expect(early.status).toBe(409);
      expect(early.body.messageFa).toBeTruthy();
      expect((await union('POST', `/files/${fileId}/documents/premises-right`, owner, { reference: 'scan/premises-right-2.pdf' })).status).toBe(200);
      for (const doc of opened.body.documents as { kind: string }[]) {
        expect((await union('POST', `/files/${fileId}/documents/${doc.kind}/accept`, clerk)).status).toBe(200);
      }

      // The union finds the file by number, national ID, and either spelling of the name and address.
      await eventually(() => union('GET', `/files?nationalId=${NATIONAL_ID}`), (r) => r.body.files?.some((f: any) => f.fileId === fileId), 'search by national ID');
      for (const query of [`fileNumber=${fileNumber}`, `name=${encodeURIComponent('احمدی')}`, `name=${encodeURIComponent('احمدي')}`, `address=${encodeURIComponent('کوچه')}`, `address=${encodeURIComponent('كوچه')}`]) {
        const found = await union('GET', `/files?${query}`);
        expect(found.body.files.map((f: any) => f.fileId)).toContain(fileId);
      }

      // 3. The union approves.
      const approvedAt = Date.now();
      const approved = await union('POST', `/files/${fileId}/approve`, unionHead);
      expect(approved.status).toBe(200);
      expect(approved.body.status).toBe('approved');

      // 4. The secretariat sees it in its signing queue, signs it and affixes a hologram.
      await eventually(() => secretariat('GET', '/signing-queue'), (r) => JSON.stringify(r.body).includes(fileId), 'signing queue', 20_000);
      const crossOfficeMs = Date.now() - approvedAt;
      const signed = await secretariat('POST', `/files/${fileId}/installation-permit/sign`, officer, { hologramSerial: hologram(1) });
      expect(signed.status).toBe(200);

      // The installation permit is valid in the register, and the union's timeline shows it.
      const installation = await eventually(() => registerOf(fileId), (p) => p?.some((x) => x.permitType === 'installation'), 'installation permit in the register');
      expect(installation[0]).toMatchObject({ permitType: 'installation', status: 'valid', hologramSerial: hologram(1) });
      expect(installation[0].permitNumber).toMatch(/^KR-IN-\d{4}-\d{6}$/);
      await eventually(() => unionFile(fileId), (f) => f.installationPermitNumber === installation[0].permitNumber, 'union sees the installation permit number');

      // 5. The owner requests the operation permit in writing.
      const requested = await secretariat('POST', `/files/${fileId}/operation-requests`, owner, {
        letterNumber: '۱۴۰۴/۲۳۴', siteAddress: 'مشهد، بلوار وکیل‌آباد، کوچه ۱۲، پلاک ۴', contactMobile: '۰۹۱۵۱۲۳۴۵۶۷',
      });
      expect(requested.status).toBe(200);
      await eventually(() => secretariat('GET', '/operation-requests?status=awaiting-inspection'), (r) => JSON.stringify(r.body).includes(fileId), 'awaiting inspection');

      // 6. An inspection is scheduled with two inspectors.
      const inspectionDay = new Date(Date.now() + 24 * 3600 * 1000);
      const scheduled = await secretariat('POST', `/files/${fileId}/inspections`, officer, { scheduledFor: inspectionDay.toISOString(), inspectorIds: ['insp-1', 'insp-2'] });
      expect(scheduled.status).toBe(200);
      const inspectionId = scheduled.body.inspectionId;
      expect(inspectionId).toBeTruthy();
      const day = formatJalali(toJalaliDate(inspectionDay));
      await eventually(() => secretariat('GET', `/inspections?inspectorId=insp-1&date=${encodeURIComponent(day)}`), (r) => JSON.stringify(r.body).includes(inspectionId), 'inspections by inspector and date');

      // 7–8. Two deficiencies → a temporary permit for six months, listing them.
      const recorded = await allChecklistPassed(fileId, inspectionId, { 'cctv-sign-posted': 'تابلوی «این مکان با دوربین پایش می‌شود» نصب نشده', 'power-backup': 'برق اضطراری ندارد' });
      expect(recorded.status).toBe(200);
      const temporary = await secretariat('POST', `/files/${fileId}/operation-permit`, officer, { hologramSerial: hologram(2) });
      expect(temporary.status).toBe(200);
      expect(temporary.body.kind).toBe('temporary');
      expect(temporary.body.deficiencies).toHaveLength(2);
      const tempEntry = await eventually(() => registerOf(fileId), (p) => p?.some((x) => x.kind === 'temporary'), 'temporary permit in the register')
        .then((p) => p.find((x) => x.kind === 'temporary'));
      expect(tempEntry.status).toBe('valid');
      expect(tempEntry.validThroughJalali).toBe(formatJalali(validityWindow(new Date(tempEntry.issuedAt), 6).validThrough));
      const temps = await eventually(() => secretariat('GET', '/temporary-permits'), (r) => JSON.stringify(r.body).includes(fileId), 'secretariat lists the temporary permit');
      const tempView = (temps.body.permits ?? temps.body).find((p: any) => p.fileId === fileId);
      expect(tempView.deficiencies.map((d: any) => d.item).sort()).toEqual(['cctv-sign-posted', 'power-backup']);
      expect(tempView.daysLeft).toBeGreaterThan(170);

      // 9. Remedied → re-inspection passes → a main permit supersedes the temporary one.
      expect((await secretariat('POST', `/files/${fileId}/remediation`, owner, { note: 'تابلو نصب و یو‌پی‌اس تهیه شد' })).status).toBe(200);
      const re = await secretariat('POST', `/files/${fileId}/inspections`, officer, { scheduledFor: inspectionDay.toISOString(), inspectorIds: ['insp-1'] });
      expect(re.status).toBe(200);
      expect((await allChecklistPassed(fileId, re.body.inspectionId)).status).toBe(200);
      const main = await secretariat('POST', `/files/${fileId}/operation-permit`, officer, { hologramSerial: hologram(3) });
      expect(main.status).toBe(200);
      expect(main.body.kind).toBe('main');

      const register = await eventually(() => registerOf(fileId), (p) => p?.some((x) => x.kind === 'main') && p.some((x) => x.kind === 'temporary' && x.status === 'superseded'), 'main permit supersedes the temporary one');
      const mainEntry = register.find((x) => x.kind === 'main');
      expect(mainEntry.status).toBe('valid');
      expect(mainEntry.validThroughJalali).toBe(formatJalali(validityWindow(new Date(mainEntry.issuedAt), 24).validThrough));

      // 10. Public verification: valid, genuine, and nothing personal.
      const byNumber = await issuance('GET', `/verify?permitNumber=${encodeURIComponent(mainEntry.permitNumber)}`);
      expect(byNumber.status).toBe(200);
      expect(byNumber.body).toMatchObject({ genuine: true, status: 'valid', kind: 'main' });
      const byHologram = await issuance('GET', `/verify?hologramSerial=${hologram(3)}`);
      expect(byHologram.body).toMatchObject({ genuine: true, permitNumber: mainEntry.permitNumber });
      const superseded = await issuance('GET', `/verify?permitNumber=${encodeURIComponent(tempEntry.permitNumber)}`);
      expect(superseded.body).toMatchObject({ genuine: true, status: 'superseded' });
      for (const answer of [byNumber, byHologram, superseded]) {
        expect(JSON.stringify(answer.body)).not.toMatch(new RegExp(`${NATIONAL_ID}|${fileId}|0915|وکیل`));
      }

      // The union's timeline tells the whole story, with Jalali dates and every office.
      const file = await eventually(() => unionFile(fileId), (f) => f.status === 'main-operation-permit', 'union sees the main permit');
      const offices = new Set(file.timeline.map((t: any) => t.office));
      expect([...offices].sort()).toEqual(['issuance', 'secretariat', 'union']);
      expect(file.timeline.some((t: any) => t.step === 'DocumentRequestedAgain')).toBe(true);
      expect(file.timeline.every((t: any) => /^\d{4}\/\d{2}\/\d{2}$/.test(t.atJalali))).toBe(true);

      // Who took each step, in which role, when (ISO and Jalali), and which request caused it.
      const step = (type: string) => file.timeline.find((t: any) => t.step === type);
      expect(step('InstallationApproved')).toMatchObject({ actor: { role: 'union-head', personId: unionHead.id }, atJalali: formatJalali(toJalaliDate(new Date(step('InstallationApproved').at))) });
      expect(step('DocumentSubmitted').actor).toMatchObject({ role: 'owner', personId: owner.id });
      const signing = step('secretariat.InstallationPermitSigned.v1');
      expect(signing.actor).toMatchObject({ role: 'secretariat-officer', personId: officer.id });
      // The register's entry was made because of the signature: same person, same request.
      const registered = file.timeline.find((t: any) => t.step === 'issuance.PermitIssued.v1' && t.correlationId === signing.correlationId);
      expect(registered?.actor).toMatchObject({ role: 'secretariat-officer', personId: officer.id });
      const mainHistory = (await issuance('GET', `/permits/${encodeURIComponent(mainEntry.permitNumber)}`)).body.history;
      expect(mainHistory.map((h: any) => [h.step, h.actor.role, h.actor.personId])).toEqual([['PermitIssued', 'secretariat-officer', officer.id]]);
      expect(mainHistory[0].atJalali).toBe(mainEntry.issuedOnJalali);
      const tempHistory = (await issuance('GET', `/permits/${encodeURIComponent(tempEntry.permitNumber)}`)).body.history;
      expect(tempHistory.map((h: any) => h.step)).toEqual(['PermitIssued', 'PermitSuperseded']);
      expect(tempHistory.every((h: any) => h.correlationId && h.at && h.atJalali)).toBe(true);
      console.log(`[e2e] ${name}: lifecycle ${Date.now() - t0} ms; approval → secretariat signing queue ${crossOfficeMs} ms`);
    });
  });

  describe('refusals and conflicts', () => {
    it('a refused application is closed with its reasons and cannot be approved afterwards', async () => {
      const opened = await union('POST', '/files', clerk, publicPlace('0067749828'));
      expect(opened.status).toBe(201);
      const refused = await union('POST', `/files/${opened.body.fileId}/refuse`, unionHead, { reasons: ['دوربین سالن به پیاده‌رو و منازل روبه‌رو دید دارد'] });
      expect(refused.status).toBe(200);
      expect(refused.body.status).toBe('refused');
      expect((await union('POST', `/files/${opened.body.fileId}/approve`, unionHead)).status).toBe(409);
      const file = await eventually(() => unionFile(opened.body.fileId), (f) => f.status === 'refused', 'union lists the refusal');
      expect(file.refusalReasons).toHaveLength(1);
    });

    it('a hologram serial used once in the province is refused the second time, and nothing is recorded', async () => {
      const first = await signedFile(publicPlace('0067749828'), hologram(10));
      const second = await fileReadyForDecision(publicPlace('0067749828'));
      expect((await union('POST', `/files/${second.fileId}/approve`, unionHead)).status).toBe(200);
      await eventually(() => secretariat('GET', '/signing-queue'), (r) => JSON.stringify(r.body).includes(second.fileId), 'second file queued');
      const reused = await secretariat('POST', `/files/${second.fileId}/installation-permit/sign`, officer, { hologramSerial: hologram(10) });
      expect(reused.status).toBe(409);
      expect(reused.body.error).toBe('hologram-already-used');
      expect(reused.body.messageFa).toBeTruthy();
      const { rows } = await stack.db.query(`SELECT count(*)::int AS n FROM secretariat_inspection.events WHERE stream_id = $1 AND type = 'InstallationPermitSigned'`, [`secretariat-file-${second.fileId}`]);
      expect(rows[0].n).toBe(0);
      expect(first.fileId).not.toBe(second.fileId);
    });

    it('two officers approving the same file at once: one succeeds, the other gets 409, one event is stored', async () => {
      const file = await fileReadyForDecision(publicPlace('0067749828'));
      const answers = await Promise.all([
        union('POST', `/files/${file.fileId}/approve`, unionHead),
        union('POST', `/files/${file.fileId}/approve`, unionHead2),
      ]);
      expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
      const { rows } = await stack.db.query(`SELECT count(*)::int AS n FROM union_intake.events WHERE stream_id = $1 AND type = 'InstallationApproved'`, [`union-file-${file.fileId}`]);
      expect(rows[0].n).toBe(1);
    });

    it('at the secretariat, another owner and an inspector not sent to the file are refused, and nothing is stored', async () => {
      const { fileId } = await signedFile(residentialBuilding(), hologram(20));
      const count = async () => (await stack.db.query(`SELECT count(*)::int AS n FROM secretariat_inspection.events WHERE stream_id = $1`, [`secretariat-file-${fileId}`])).rows[0].n;
      await eventually(() => secretariat('GET', `/files/${fileId}`, owner), (r) => r.status === 200, 'the owner sees their file at the secretariat');
      const before = await count();
      const letter = { letterNumber: '۱۴۰۴/۹۹', siteAddress: 'مشهد، کوچه ۱', contactMobile: '09150000000' };
      for (const [method, path, body] of [['POST', 'operation-requests', letter], ['POST', 'remediation', { note: 'x' }], ['POST', 'renewal-requests', undefined], ['GET', '', undefined]] as const) {
        const answer = await secretariat(method, `/files/${fileId}${path ? `/${path}` : ''}`, owner2, body);
        expect([path, answer.status, answer.body.error]).toEqual([path, 403, 'not-your-file']);
      }
      expect(await count()).toBe(before);

      const stranger: Actor = { id: 'insp-9', role: 'inspector' };
      expect((await secretariat('POST', `/files/${fileId}/operation-requests`, owner, letter)).status).toBe(200);
      const visit = await secretariat('POST', `/files/${fileId}/inspections`, officer, { scheduledFor: new Date(Date.now() + 86_400_000).toISOString(), inspectorIds: [inspector.id] });
      expect(visit.status).toBe(200);
      const findings = checklistFor(true).map((item) => ({ item, passed: true }));
      const refused = await secretariat('POST', `/files/${fileId}/inspections/${visit.body.inspectionId}/findings`, stranger, { findings });
      expect([refused.status, refused.body.error]).toEqual([403, 'not-your-inspection']);
      await eventually(() => secretariat('GET', `/files/${fileId}`, inspector), (r) => r.status === 200, 'the assigned inspector sees the file');
      expect((await secretariat('GET', `/files/${fileId}`, stranger)).body.error).toBe('not-assigned-to-file');
      expect((await secretariat('GET', `/inspections?inspectorId=${inspector.id}`, stranger)).status).toBe(403);
      expect((await secretariat('GET', '/inspections', stranger)).body.inspections).toEqual([]);
      expect(await count()).toBe(before + 2);
    });

    it('a malformed request gets a 400 naming the field, and nothing is stored', async () => {
      // The union's own events only: other offices' news about earlier files may arrive in its inbox meanwhile.
      const count = async () => (await stack.db.query(`SELECT count(*)::int AS n FROM union_intake.events WHERE stream_id NOT LIKE 'inbox-%'`)).rows[0].n;
      const before = await count();
      const bad = residentialBuilding();
      const wrongType = await union('POST', '/files', clerk, { ...bad, owner: { ...bad.owner, nationalId: 'abc' }, premises: { ...bad.premises, residentialUnits: 'many' } });
      expect(wrongType.status).toBe(400);
      expect(wrongType.body.fields.map((f: any) => f.field)).toEqual(expect.arrayContaining(['owner.nationalId', 'premises.residentialUnits']));
      const wrongCheckDigit = await union('POST', '/files', clerk, { ...bad, owner: { ...bad.owner, nationalId: '0013542418' } });
      expect(wrongCheckDigit.status).toBe(400);
      expect(wrongCheckDigit.body.field).toBe('owner.nationalId');
      expect(wrongCheckDigit.body.messageFa).toBeTruthy();
      const unknownField = await union('POST', '/files', clerk, { ...bad, isAdmin: true });
      expect(unknownField.status).toBe(400);
      expect(JSON.stringify(unknownField.body)).toContain('isAdmin');
      const empty = await union('POST', '/files', clerk, {});
    expect(empty.status).toBe(400);
    expect(empty.body.fields.map((f: any) => f.field)).toEqual(expect.arrayContaining(['owner', 'premises', 'system', 'installer']));
    const noRecorder = await union('POST', '/files', clerk, { ...bad, system: { cameras: bad.system.cameras } });
    expect(noRecorder.status).toBe(400);
    expect(noRecorder.body.fields.map((f: any) => f.field)).toContain('system.recorder');
    const notJson = await call(stack.union, 'POST', '/files', { actor: clerk, rawBody: '{"owner": ' });
      expect(notJson.status).toBe(400);
      const noToken = await union('POST', '/files', null, bad);
      expect(noToken.status).toBe(401);
      expect(noToken.body.error).toBe('missing-token');
      const nul = await union('POST', '/files', clerk, { ...bad, owner: { ...bad.owner, firstName: 'زه\u0000را' } });
      expect(nul.status).toBe(400);
      expect(nul.body.field).toBe('owner.firstName');
      let deep: unknown = 1;
      for (let i = 0; i < 2000; i++) deep = [deep];
      expect((await union('POST', '/files', clerk, { ...bad, owner: deep })).status).toBe(400);
      expect((await union('GET', '/files?offset=1e20')).status).toBe(400);
      expect((await union('GET', '/files?name=a%00b')).status).toBe(400);
      expect(await count()).toBe(before);
    });

    it('a refused application uses up no file number', async () => {
      const first = await union('POST', '/files', clerk, publicPlace());
      const refused = await union('POST', '/files', clerk, { ...publicPlace(), owner: { ...publicPlace().owner, nationalId: '0067749829' } });
      expect(refused.status).toBe(400);
      const next = await union('POST', '/files', clerk, publicPlace());
      const serial = (n: string) => Number(n.slice(-6));
      expect(serial(next.body.fileNumber)).toBe(serial(first.body.fileNumber) + 1);
    });
  });

  describe('the services’ logs', () => {
    it('hold no national ID, phone number, postal code, name or address, after everything above', () => {
      const lines = stack.logs();
      expect(lines.length).toBeGreaterThan(0);
      const personal = [NATIONAL_ID, NATIONAL_ID_2, MOBILE, '9151234567', '9351112233', POSTAL_CODE, ADDRESS_WORD, 'بلوار', 'زهرا', 'احمد'];
      expect(lines.filter((line) => personal.some((p) => line.includes(p)))).toEqual([]);
      console.log(`[e2e] ${name}: ${lines.length} log lines checked for personal data`);
    });
  });

  describe('the public event streams', () => {
    // The in-process bus keeps its messages inside the process under test: there is no topic to read from outside.
    if (!readsKafka) console.log(`[e2e] ${name}: skipping the public-topic check — its bus lives inside the process, no Kafka to read`);
    (readsKafka ? it : it.skip)('carry every office’s events, and no national ID, phone number or address', async () => {
      const topics = ['union.files.v1', 'secretariat.cases.v1', 'issuance.permits.v1'].map((t) => `${stack.topicPrefix}${t}`);
      const messages = await readAllMessages(stack.kafkaBrokers ?? [], topics);
      const types = new Set(messages.map((m) => JSON.parse(m).type));
      for (const type of ['union.FileOpened.v1', 'union.InstallationApproved.v1', 'secretariat.InspectionRecorded.v1', 'secretariat.OperationPermitGranted.v1', 'issuance.PermitIssued.v1', 'issuance.PermitSuperseded.v1']) {
        expect(types).toContain(type);
      }
      // Also the owners' sign-in ids: an identity provider may use the national ID as the user name.
      const personal = [NATIONAL_ID, NATIONAL_ID_2, MOBILE, '9151234567', '9351112233', POSTAL_CODE, ADDRESS_WORD, 'بلوار', 'خیابان', 'زهرا', 'احمد', owner.id];
      const leaks = messages.filter((m) => personal.some((p) => m.includes(p)));
      expect(leaks).toEqual([]);
      console.log(`[e2e] ${name}: ${messages.length} public messages checked for personal data`);
    });
  });
});
