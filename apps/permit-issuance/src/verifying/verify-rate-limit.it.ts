import { Module, type INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ACCESS } from '@cctv/contracts';
import { CLOCK, createServiceApp, temporaryAuth } from '@cctv/nest-common';
import { PermitRegisterQueries, PUBLIC_BASE_URL } from '../read-models/permit-register.queries';
import { PermitsQueryController } from '../read-models/permits-query.controller';
import { openRegisterDatabase } from '../testing/register-database';
import { settableClock } from '../testing/register-fixtures';
import { secretariatDecisions } from '../testing/three-files';
import { VerifyController } from './verify.controller';

/** Public verification over real HTTP with a small configured limit: past the burst, 429 with Retry-After and a Persian sentence. */
describe('public verification is limited per client address', () => {
  const clock = settableClock('2025-08-01T08:00:00.000Z');
  const saved = { ...process.env };
  const apps: INestApplication[] = [];
  let close: () => Promise<void>;
  let auth: Awaited<ReturnType<typeof temporaryAuth>>;
  let db: DataSource;

  const start = async (env: Record<string, string>): Promise<string> => {
    Object.assign(process.env, env);
    @Module({
      controllers: [PermitsQueryController, VerifyController],
      providers: [
        { provide: DataSource, useValue: db },
        { provide: CLOCK, useValue: clock },
        { provide: PUBLIC_BASE_URL, useValue: 'https://permits.example.ir' },
        PermitRegisterQueries,
      ],
    })
    class RoutesUnderTest {}
    const app = await createServiceApp(RoutesUnderTest, {
      name: 'permit-issuance', title: 'test', description: 'test', port: 0, access: ACCESS['permit-issuance'], verifier: auth.verifier,
    });
    apps.push(app);
    await app.listen(0, '127.0.0.1');
    process.env = { ...saved };
    return app.getUrl();
  };

  beforeAll(async () => {
    const opened = await openRegisterDatabase(clock, secretariatDecisions());
    db = opened.db;
    close = opened.close;
    auth = await temporaryAuth();
  });

  afterAll(async () => {
    for (const app of apps) await app.close();
    await close?.();
    auth?.remove();
    process.env = saved;
  });

  const get = async (base: string, path: string, headers: Record<string, string> = {}) => {
    const response = await fetch(`${base}${path}`, { headers: { accept: 'application/json', ...headers } });
    return { status: response.status, retryAfter: response.headers.get('retry-after'), body: await response.json() };
  };

  it('lets the burst through, then answers 429 with Retry-After, in English and Persian; the register itself is not limited', async () => {
    const base = await start({ VERIFY_RATE_LIMIT_PER_MINUTE: '6', VERIFY_RATE_LIMIT_BURST: '3', TRUST_PROXY: '' });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await get(base, i % 2 ? '/verify/KR-OM-1404-000001' : '/verify?permitNumber=KR-OM-1404-000001')).status);
    expect(statuses).toEqual([200, 200, 200]);

    const refused = await get(base, '/verify/KR-OM-1404-000001');
    expect(refused.status).toBe(429);
    expect(Number(refused.retryAfter)).toBeGreaterThanOrEqual(1);
    expect(Number(refused.retryAfter)).toBeLessThanOrEqual(10);
    expect(refused.body).toMatchObject({ error: 'too-many-requests', message: expect.stringContaining('Too many requests'), messageFa: expect.stringContaining('بیش از حد مجاز') });

    // Without a trusted proxy, a made-up X-Forwarded-For does not buy a new bucket.
    expect((await get(base, '/verify?hologramSerial=KR1404000103', { 'x-forwarded-for': '198.51.100.9' })).status).toBe(429);

    const registrar = await auth.headers('registrar');
    for (let i = 0; i < 6; i++) expect((await get(base, '/permits?limit=1', registrar)).status).toBe(200);
    expect((await get(base, '/health')).status).not.toBe(429);
  });

  it('behind a trusted proxy (TRUST_PROXY), each client address named by X-Forwarded-For has its own bucket', async () => {
    const base = await start({ VERIFY_RATE_LIMIT_PER_MINUTE: '6', VERIFY_RATE_LIMIT_BURST: '2', TRUST_PROXY: '1' });
    const from = (address: string) => get(base, '/verify/KR-OM-1404-000001', { 'x-forwarded-for': `10.9.9.9, ${address}` });
    expect([(await from('203.0.113.1')).status, (await from('203.0.113.1')).status, (await from('203.0.113.1')).status]).toEqual([200, 200, 429]);
    expect((await from('203.0.113.2')).status).toBe(200);
  });

  it('with the defaults, a handful of checks from one address all pass', async () => {
    const base = await start({ VERIFY_RATE_LIMIT_PER_MINUTE: '', VERIFY_RATE_LIMIT_BURST: '', TRUST_PROXY: '' });
    for (let i = 0; i < 15; i++) expect((await get(base, '/verify/KR-OM-1404-000001')).status).toBe(200);
  });
});
