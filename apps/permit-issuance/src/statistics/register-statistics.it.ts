import { Module, type INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ACCESS } from '@cctv/contracts';
import { CLOCK, createServiceApp, temporaryAuth } from '@cctv/nest-common';
import { openRegisterDatabase } from '../testing/register-database';
import { settableClock } from '../testing/register-fixtures';
import { FILE_A, FILE_B, FILE_C, id, secretariatDecisions } from '../testing/three-files';
import { RegisterStatisticsController, RegisterStatisticsQuery } from './register-statistics.query';

/** The register's statistics over HTTP, with the service's own validation and access table. */
describe('the register’s statistics for analysts', () => {
  const clock = settableClock('2025-08-01T08:00:00.000Z'); // 1404/05/10
  let app: INestApplication;
  let base: string;
  let close: () => Promise<void>;
  let auth: Awaited<ReturnType<typeof temporaryAuth>>;

  beforeAll(async () => {
    const opened = await openRegisterDatabase(clock, secretariatDecisions());
    close = opened.close;
    @Module({
      controllers: [RegisterStatisticsController],
      providers: [{ provide: DataSource, useValue: opened.db }, { provide: CLOCK, useValue: clock }, RegisterStatisticsQuery],
    })
    class RoutesUnderTest {}
    auth = await temporaryAuth();
    // Only this route is mounted; the table still has to cover it.
    app = await createServiceApp(RoutesUnderTest, {
      name: 'permit-issuance', title: 'test', description: 'test', port: 0, access: ACCESS['permit-issuance'], verifier: auth.verifier,
    });
    await app.listen(0, '127.0.0.1');
    base = await app.getUrl();
  });

  afterAll(async () => {
    await app?.close();
    await close?.();
    auth?.remove();
  });

  const get = async (path: string, role: 'analyst' | 'registrar' | 'union-clerk' = 'analyst') => {
    const response = await fetch(`${base}${path}`, { headers: { accept: 'application/json', ...(await auth.headers(role)) } });
    return { status: response.status, body: (await response.json()) as any };
  };

  it('counts permits by kind and by the status they have now, issued per Jalali month, and the revoked', async () => {
    const { status, body } = await get('/statistics');
    expect(status).toBe(200);
    expect(body.asOfJalali).toBe('1404/05/10');
    expect(body.total).toBe(5);
    const byStatus = (kind: string) => Object.fromEntries(body.byKind.find((k: { kind: string }) => k.kind === kind).byStatus.filter((s: { count: number }) => s.count).map((s: { status: string; count: number }) => [s.status, s.count]));
    expect(byStatus('installation')).toEqual({ valid: 1 });
    expect(byStatus('temporary')).toEqual({ valid: 1, superseded: 1 });
    expect(byStatus('main')).toEqual({ valid: 1, revoked: 1 });
    expect(body.byKind.find((k: { kind: string }) => k.kind === 'main')).toMatchObject({ kindFa: 'مجوز اصلی بهره‌برداری (دو ساله)', total: 2 });
    expect(body.byKind[0].byStatus.find((s: { status: string }) => s.status === 'valid').statusFa).toBe('معتبر');
    expect(body.issuedPerMonth).toHaveLength(12);
    expect(body.issuedPerMonth.filter((m: { count: number }) => m.count).map((m: { month: string; count: number }) => [m.month, m.count])).toEqual([['1404/02', 4], ['1404/04', 1]]);
    expect(body.revoked).toMatchObject({ count: 1, labelFa: 'باطل شده' });
  });

  it('works the status out at the clock’s instant: the temporary permit reads expiring, then lapsed', async () => {
    clock.set('2025-10-20T08:00:00.000Z'); // 1404/07/28: the temporary permit of 1404/02/20 runs through 1404/08/19
    const expiring = (await get('/statistics', 'registrar')).body;
    expect(expiring.byKind.find((k: { kind: string }) => k.kind === 'temporary').byStatus.find((s: { status: string }) => s.status === 'expiring').count).toBe(1);
    clock.set('2025-12-01T08:00:00.000Z');
    const lapsed = (await get('/statistics')).body;
    expect(lapsed.byKind.find((k: { kind: string }) => k.kind === 'temporary').byStatus.find((s: { status: string }) => s.status === 'lapsed').count).toBe(1);
    clock.set('2025-08-01T08:00:00.000Z');
  });

  it('narrows to the permits issued in a period; a wrong or reversed date is a 400 naming the field', async () => {
    const may = await get('/statistics?from=2025-05-01&to=2025-05-31');
    expect(may.status).toBe(200);
    expect(may.body.period).toMatchObject({ fromJalali: '1404/02/11', toJalali: '1404/03/11' });
    expect(may.body.total).toBe(3); // the temporary of 1404/02/30, the main of 1404/02/11 and the temporary of 1404/02/20
    const bad = await get('/statistics?from=2025-02-30');
    expect(bad.status).toBe(400);
    expect(bad.body.fields.map((f: { field: string }) => f.field)).toEqual(['from']);
    const reversed = await get('/statistics?from=2025-06-01&to=2025-05-01');
    expect(reversed.status).toBe(400);
    expect(reversed.body).toMatchObject({ error: 'period-reversed', field: 'to' });
    expect(reversed.body.messageFa).toBeTruthy();
  });

  it('is for analysts and registrars, and names no file or permit', async () => {
    expect((await get('/statistics', 'union-clerk')).status).toBe(403);
    const json = JSON.stringify((await get('/statistics')).body);
    for (const secret of [FILE_A, FILE_B, FILE_C, id(1), id(2), id(3), id(4), id(5), 'KR-', 'KR1404', 'منازل']) expect(json).not.toContain(secret);
  });
});
