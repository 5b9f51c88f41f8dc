import { Module, type INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ACCESS } from '@cctv/contracts';
import { CLOCK, createServiceApp, temporaryAuth } from '@cctv/nest-common';
import { PermitRegisterQueries, PUBLIC_BASE_URL } from './read-models/permit-register.queries';
import { PermitsQueryController } from './read-models/permits-query.controller';
import { openRegisterDatabase } from './testing/register-database';
import { settableClock } from './testing/register-fixtures';
import { FILE_A, secretariatDecisions } from './testing/three-files';
import { VerifyController } from './verifying/verify.controller';

/**
 * The register's routes as a client meets them: the service's own controllers,
 * validation and error answers over the read model on PostgreSQL (the event
 * store, broker and followers are not needed to answer a GET).
 */
describe('the register’s routes', () => {
  const clock = settableClock('2025-08-01T08:00:00.000Z');
  let app: INestApplication;
  let base: string;
  let close: () => Promise<void>;
  let auth: Awaited<ReturnType<typeof temporaryAuth>>;
  let registrar: Record<string, string>;

  beforeAll(async () => {
    const opened = await openRegisterDatabase(clock, secretariatDecisions());
    close = opened.close;
    @Module({
      controllers: [PermitsQueryController, VerifyController],
      providers: [
        { provide: DataSource, useValue: opened.db },
        { provide: CLOCK, useValue: clock },
        { provide: PUBLIC_BASE_URL, useValue: 'https://permits.example.ir' },
        PermitRegisterQueries,
      ],
    })
    class RoutesUnderTest {}
    auth = await temporaryAuth();
    registrar = await auth.headers('registrar');
    const options = { name: 'permit-issuance', title: 'test', description: 'test', port: 0, access: ACCESS['permit-issuance'], verifier: auth.verifier };
    app = await createServiceApp(RoutesUnderTest, options);
    await app.listen(0, '127.0.0.1');
    base = await app.getUrl();
  });

  afterAll(async () => {
    await app?.close();
    await close?.();
    auth?.remove();
  });

  const get = async (path: string, accept = 'application/json', signedIn: Record<string, string> | null = path.startsWith('/permits') ? registrar : null) => {
    const response = await fetch(`${base}${path}`, { headers: { accept, ...(signedIn ?? {}) } });
    const text = await response.text();
    const body = (response.headers.get('content-type') ?? '').includes('json') ? JSON.parse(text) : text;
    return { status: response.status, type: response.headers.get('content-type') ?? '', body };
  };

  it('GET /permits?fileId= lists the file’s permits with Persian labels, Jalali dates and the verification link', async () => {
    const { status, body } = await get(`/permits?fileId=${FILE_A}`);
    expect(status).toBe(200);
    expect(body.total).toBe(3);
    expect(body.permits.find((p: { kind: string }) => p.kind === 'temporary')).toMatchObject({
      permitNumber: 'KR-OT-1404-000001', status: 'superseded', statusFa: 'جایگزین شده با مجوز جدید',
      issuedOnJalali: '1404/02/30', supersededByPermitNumber: 'KR-OM-1404-000001',
      verificationUrl: 'https://permits.example.ir/verify/KR-OT-1404-000001',
    });
  });

  it('the register needs a registrar’s or an officer’s token; verification needs none', async () => {
    const anonymous = await get('/permits', 'application/json', null);
    expect(anonymous.status).toBe(401);
    expect(anonymous.body).toMatchObject({ error: 'missing-token' });
    expect(anonymous.body.messageFa).toBeTruthy();
    const analyst = await get('/permits', 'application/json', await auth.headers('analyst'));
    expect(analyst.status).toBe(403);
    expect(analyst.body).toMatchObject({ error: 'role-not-allowed', allowedRoles: ['registrar', 'secretariat-officer'] });
    expect((await get('/permits', 'application/json', await auth.headers('secretariat-officer'))).status).toBe(200);
    expect((await get('/verify/KR-OM-1404-000001', 'application/json', null)).status).toBe(200);
  });

  it('GET /permits?status=superseded answers by the status at this instant', async () => {
    const { body } = await get('/permits?status=superseded');
    expect(body.permits.map((p: { permitNumber: string }) => p.permitNumber)).toEqual(['KR-OT-1404-000001']);
  });

  it('GET /permits with an unknown status or kind is a 400 naming the field', async () => {
    const { status, body } = await get('/permits?status=pending&limit=1000');
    expect(status).toBe(400);
    expect(body.fields.map((f: { field: string }) => f.field).sort()).toEqual(['limit', 'status']);
    expect(body.messageFa).toBeTruthy();
  });

  it('GET /permits/:permitNumber accepts Persian digits; an unknown number is a 404 in Persian', async () => {
    expect((await get(`/permits/${encodeURIComponent('KR-OM-۱۴۰۴-۰۰۰۰۰۲')}`)).body).toMatchObject({ permitNumber: 'KR-OM-1404-000002', status: 'revoked' });
    expect((await get('/permits/KR-OM-1404-000002')).body.history.map((h: { step: string; actor: { personId: string }; atJalali: string }) => [h.step, h.actor.personId, h.atJalali]))
      .toEqual([['PermitIssued', 'officer-7', '1404/02/11'], ['PermitRevoked', 'officer-7', '1404/03/11']]);
    const unknown = await get('/permits/KR-OM-1404-000777');
    expect(unknown.status).toBe(404);
    expect(unknown.body.messageFa).toBe('مجوزی با این شماره در دفتر مجوزها ثبت نشده است.');
  });

  it('GET /verify/:permitNumber tells a genuine permit in force, with nothing personal', async () => {
    const { status, body } = await get('/verify/KR-OM-1404-000001');
    expect(status).toBe(200);
    expect(body).toMatchObject({ genuine: true, valid: true, status: 'valid', kind: 'main', hologramChecked: false });
    expect(JSON.stringify(body)).not.toContain(FILE_A);
  });

  it('by permit number alone, neither route tells the hologram serial, so that no one can print a matching hologram; both say how to check it', async () => {
    for (const path of ['/verify/KR-OM-1404-000001', '/verify?permitNumber=KR-OM-1404-000001']) {
      const { status, body } = await get(path);
      expect(status).toBe(200);
      expect(body).not.toHaveProperty('hologramSerial');
      expect(JSON.stringify(body)).not.toMatch(/KR1404000103/i);
      expect(body.message).toContain('enter the serial printed on it');
      expect(body.messageFa).toContain('شماره چاپ‌شده روی هولوگرام');
      const page = await get(path, 'text/html');
      expect(page.body).not.toMatch(/KR1404000103/i);
      expect(page.body).toContain('name="hologramSerial"');
    }
  });

  it('GET /verify?hologramSerial= finds the permit the hologram is on and may say back the serial typed; with a number, the two must belong together', async () => {
    expect((await get('/verify?hologramSerial=kr-1404000104')).body)
      .toMatchObject({ genuine: true, status: 'revoked', hologramChecked: true, hologramSerial: 'KR1404000104', messageFa: expect.stringMatching(/^این مجوز باطل شده است\. /) });
    const mismatch = await get('/verify?permitNumber=KR-OM-1404-000001&hologramSerial=KR1404000104');
    expect(mismatch).toMatchObject({ status: 404, body: { genuine: false } });
    expect(JSON.stringify(mismatch.body)).not.toContain('KR1404000103');
    expect((await get('/verify?permitNumber=KR-OM-1404-000001&hologramSerial=KR-1404-000103')).body)
      .toMatchObject({ genuine: true, hologramChecked: true, hologramSerial: 'KR1404000103' });
  });

  it('the page’s form sends the hologram serial: GET /verify/{permitNumber}?hologramSerial= checks it against that permit', async () => {
    expect((await get('/verify/KR-OM-1404-000001?hologramSerial=KR1404000103')).body).toMatchObject({ genuine: true, hologramChecked: true });
    expect((await get('/verify/KR-OM-1404-000001?hologramSerial=KR1404000104')).status).toBe(404);
    const page = await get('/verify/KR-OM-1404-000001?hologramSerial=KR1404000103', 'text/html');
    expect(page.body).toContain('متعلق به همین مجوز است');
    expect(page.body).not.toContain('<form');
  });

  it('GET /verify with neither a number nor a hologram is a 400', async () => {
    expect((await get('/verify')).status).toBe(400);
  });

  it('an unknown permit is not genuine: 404 with a Persian sentence', async () => {
    const { status, body } = await get('/verify/KR-OM-1404-000777');
    expect(status).toBe(404);
    expect(body).toEqual({ genuine: false, message: expect.stringContaining('not genuine'), messageFa: expect.stringContaining('ثبت نشده') });
  });

  it('a browser opening the QR link gets a Persian right-to-left page, with whatever it typed escaped', async () => {
    const page = await get('/verify/KR-OM-1404-000001', 'text/html,application/xhtml+xml,*/*;q=0.8');
    expect(page.status).toBe(200);
    expect(page.type).toContain('text/html');
    expect(page.body).toContain('dir="rtl"');
    expect(page.body).toContain('این مجوز معتبر است');

    const forged = await get(`/verify/${encodeURIComponent('<img src=x onerror=alert(1)>')}`, 'text/html');
    expect(forged.status).toBe(404);
    expect(forged.body).not.toContain('<img');
  });

  it('/openapi.json describes the register and verification routes', async () => {
    const { body } = await get('/openapi.json');
    expect(Object.keys(body.paths)).toEqual(expect.arrayContaining(['/permits', '/permits/{permitNumber}', '/verify', '/verify/{permitNumber}']));
  });
});
