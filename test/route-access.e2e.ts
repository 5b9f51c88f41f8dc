import { ACCESS, type PersonRole } from '@cctv/contracts';
import { checklistFor } from '@cctv/secretariat-domain';
import { analyst, clerk, inspector, NATIONAL_ID, officer, owner, registrar, residentialBuilding, unionHead } from './support/fixtures';
import { call, signTokensWith, tokenFor, type Actor, type Answer } from './support/http';
import { startEmbeddedStack } from './support/embedded-stack';
import type { RunningStack } from './support/stack';

/**
 * Every route of every service's OpenAPI document × every role, and no token,
 * against the one access table: no token → 401 (public routes answer), a role
 * the table does not name → 403 role-not-allowed with nothing recorded, a role
 * it names → 2xx on a file brought to the state just before the step.
 */
jest.setTimeout(240_000);

type Service = keyof typeof ACCESS;
const SERVICES = Object.keys(ACCESS) as Service[];
const ROLES: readonly PersonRole[] = ['owner', 'union-clerk', 'union-head', 'secretariat-officer', 'inspector', 'registrar', 'analyst'];
/** Owners carry the national ID of every fixture file's owner; the inspector is the one every visit is assigned to. */
const ACTOR: Readonly<Record<PersonRole, Actor>> = {
  owner, 'union-clerk': clerk, 'union-head': unionHead, 'secretariat-officer': officer, inspector, registrar, analyst,
};
const EVENT_TABLES = ['union_intake.events', 'secretariat_inspection.events', 'permit_issuance.events'];

/** What to send: the path with its parameters and query filled in, and the body. */
interface Prepared {
  readonly path: string;
  readonly body?: unknown;
}
type Preparation = (role: PersonRole | 'public') => Promise<Prepared>;

const once = <T>(make: () => Promise<T>): (() => Promise<T>) => {
  let made: Promise<T> | undefined;
  return () => (made ??= make());
};

const is2xx = (status: number) => status >= 200 && status < 300;

describe('route × role: every route of the OpenAPI documents against the access table', () => {
  let stack: RunningStack;
  let started = 0;
  const run = Date.now().toString().slice(-6);
  let serial = 0;
  const hologram = () => `RA${run}${String(++serial).padStart(4, '0')}`;
  const base = (service: Service) => (service === 'union-intake' ? stack.union : service === 'secretariat-inspection' ? stack.secretariat : stack.issuance);

  beforeAll(async () => {
    started = Date.now();
    stack = await startEmbeddedStack();
    signTokensWith(stack.sign);
    // One token per role, signed with the stack's own key as `npm run token` does, all at once.
    await Promise.all(ROLES.map((role) => tokenFor(ACTOR[role])));
    console.log(`[route-access] stack and ${ROLES.length} tokens ready in ${Date.now() - started} ms`);
  });

  afterAll(async () => {
    await stack?.stop();
    console.log(`[route-access] whole run ${Date.now() - started} ms`);
  });

  // ---- fixtures, through the offices' own HTTP API --------------------------------------------

  const send = (service: Service, method: 'GET' | 'POST', path: string, actor: Actor | undefined, body?: unknown) =>
    call(base(service), method, path, { actor, body });

  const must = async (what: string, answer: Promise<Answer>): Promise<any> => {
    const { status, body } = await answer;
    if (!is2xx(status)) throw new Error(`preparing: ${what} answered ${status}: ${JSON.stringify(body).slice(0, 500)}`);
    return body;
  };

  /** Ask again until the answer is 2xx: another office's news or a read model arrives a moment later. */
  const until2xx = async (what: string, ask: () => Promise<Answer>, accept: (body: any) => boolean = () => true, timeoutMs = 60_000): Promise<any> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const answer = await ask();
      if (is2xx(answer.status) && accept(answer.body)) return answer.body;
      if (Date.now() > deadline) throw new Error(`preparing: ${what} not ready; last answer ${answer.status}: ${JSON.stringify(answer.body).slice(0, 500)}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  };

  const union = (method: 'GET' | 'POST', path: string, actor: Actor, body?: unknown) => must(`${method} ${path}`, send('union-intake', method, path, actor, body));
  const secretariat = (method: 'GET' | 'POST', path: string, actor: Actor, body?: unknown) => must(`${method} ${path}`, send('secretariat-inspection', method, path, actor, body));

  interface OpenFile { fileId: string; kinds: string[] }
  const openFile = async (): Promise<OpenFile> => {
    const opened = await union('POST', '/files', clerk, residentialBuilding(NATIONAL_ID));
    return { fileId: opened.fileId, kinds: (opened.documents as { kind: string }[]).map((d) => d.kind) };
  };
  const submitted = async (file: OpenFile, kinds = file.kinds) => {
    for (const kind of kinds) await union('POST', `/files/${file.fileId}/documents/${kind}`, clerk, { reference: `scan/${kind}.pdf` });
    return file;
  };
  const readyForDecision = async () => {
    const file = await submitted(await openFile());
    for (const kind of file.kinds) await union('POST', `/files/${file.fileId}/documents/${kind}/accept`, clerk);
    return file;
  };
  const approved = async () => {
    const file = await readyForDecision();
    await union('POST', `/files/${file.fileId}/approve`, unionHead);
    // The secretariat learns of the approval from the union's public events.
    await until2xx('the approved file in the signing queue', () => send('secretariat-inspection', 'GET', '/signing-queue', officer),
      (body) => JSON.stringify(body).includes(file.fileId));
    return file.fileId;
  };
  const signed = async () => {
    const fileId = await approved();
    const summary = await secretariat('POST', `/files/${fileId}/installation-permit/sign`, officer, { hologramSerial: hologram() });
    return { fileId, installationPermitId: summary.installationPermit.permitId as string };
  };
  const OPERATION_REQUEST = { letterNumber: '1404/77', siteAddress: 'مشهد، بلوار وکیل‌آباد، کوچه ۱۲، پلاک ۴', contactMobile: '09151234567' };
  const requested = async () => {
    const file = await signed();
    await secretariat('POST', `/files/${file.fileId}/operation-requests`, officer, OPERATION_REQUEST);
    return file;
  };
  const SCHEDULE = () => ({ scheduledFor: new Date(Date.now() + 24 * 3600 * 1000).toISOString(), inspectorIds: [inspector.id] });
  const scheduled = async () => {
    const file = await requested();
    const { inspectionId } = await secretariat('POST', `/files/${file.fileId}/inspections`, officer, SCHEDULE());
    return { ...file, inspectionId: inspectionId as string };
  };
  const findings = (failing: readonly string[] = []) => ({
    findings: checklistFor(true).map((item) => (failing.includes(item) ? { item, passed: false, note: 'تابلوی هشدار نصب نشده' } : { item, passed: true })),
  });
  const recorded = async (failing: readonly string[] = []) => {
    const file = await scheduled();
    await secretariat('POST', `/files/${file.fileId}/inspections/${file.inspectionId}/findings`, inspector, findings(failing));
    return file;
  };
  const withPermit = async (kind: 'temporary' | 'main') => {
    const file = await recorded(kind === 'temporary' ? [checklistFor(true)[0]] : []);
    const granted = await secretariat('POST', `/files/${file.fileId}/operation-permit`, officer, { hologramSerial: hologram() });
    expect(granted.kind).toBe(kind);
    return file;
  };
  /**
   * A main permit is renewed from 60 days before its end, two years on; the
   * running stack's clock cannot move, so the permit's end is brought within
   * 30 days in the throwaway store (the file is read from its events at every command).
   */
  const renewable = async () => {
    const file = await withPermit('main');
    const validUntil = new Date(Date.now() + 30 * 86_400_000).toISOString();
    const { rowCount } = await stack.db.query(
      `UPDATE secretariat_inspection.events SET data = jsonb_set(data, '{validUntil}', to_jsonb($2::text)) WHERE stream_id = $1 AND type = 'OperationPermitGranted'`,
      [`secretariat-file-${file.fileId}`, validUntil],
    );
    expect(rowCount).toBe(1);
    return file;
  };
  /** One file for the reads: owned by the fixture owner, its visit assigned to the fixture inspector, its installation permit in the register. */
  const readingFile = once(async () => {
    const file = await scheduled();
    await until2xx('the file at the union', () => send('union-intake', 'GET', `/files/${file.fileId}`, clerk), (f) => f.status === 'inspection-scheduled');
    await until2xx('the file at the secretariat', () => send('secretariat-inspection', 'GET', `/files/${file.fileId}`, officer));
    const permits = await until2xx('the installation permit in the register', () => send('permit-issuance', 'GET', `/permits?fileId=${file.fileId}`, registrar),
      (body) => body.permits?.length > 0);
    return { ...file, permitNumber: permits.permits[0].permitNumber as string };
  });

  const fixed = (path: string, body?: unknown): Preparation => async () => ({ path, body });

  /** How to bring about the state in which each route succeeds for a role. */
  const PREPARATIONS: Record<Service, Record<string, Preparation>> = {
    'union-intake': {
      'POST /files': fixed('/files', residentialBuilding(NATIONAL_ID)),
      'GET /files': fixed('/files'),
      'GET /files/{fileId}': async () => ({ path: `/files/${(await readingFile()).fileId}` }),
      'POST /files/{fileId}/documents/{kind}': async () => {
        const file = await openFile();
        return { path: `/files/${file.fileId}/documents/${file.kinds[0]}`, body: { reference: 'scan/again.pdf' } };
      },
      'POST /files/{fileId}/documents/{kind}/accept': async () => {
        const file = await submitted(await openFile());
        return { path: `/files/${file.fileId}/documents/${file.kinds[0]}/accept` };
      },
      'POST /files/{fileId}/documents/{kind}/request-again': async () => {
        const file = await submitted(await openFile());
        return { path: `/files/${file.fileId}/documents/${file.kinds[0]}/request-again`, body: { reason: 'تصویر سند ناخواناست' } };
      },
      'POST /files/{fileId}/approve': async () => ({ path: `/files/${(await readyForDecision()).fileId}/approve` }),
      'POST /files/{fileId}/refuse': async () => ({ path: `/files/${(await openFile()).fileId}/refuse`, body: { reasons: ['دوربین به منازل دید دارد'] } }),
      'GET /statistics': fixed('/statistics'),
      'GET /health': fixed('/health'),
    },
    'secretariat-inspection': {
      'POST /files/{fileId}/installation-permit/sign': async () => ({ path: `/files/${await approved()}/installation-permit/sign`, body: { hologramSerial: hologram() } }),
      'POST /files/{fileId}/operation-requests': async () => ({ path: `/files/${(await signed()).fileId}/operation-requests`, body: OPERATION_REQUEST }),
      'POST /files/{fileId}/inspections': async () => ({ path: `/files/${(await requested()).fileId}/inspections`, body: SCHEDULE() }),
      'POST /files/{fileId}/inspections/{inspectionId}/findings': async () => {
        const file = await scheduled();
        return { path: `/files/${file.fileId}/inspections/${file.inspectionId}/findings`, body: findings() };
      },
      'POST /files/{fileId}/operation-permit': async () => ({ path: `/files/${(await recorded()).fileId}/operation-permit`, body: { hologramSerial: hologram() } }),
      'POST /files/{fileId}/operation-refusal': async () => ({ path: `/files/${(await requested()).fileId}/operation-refusal`, body: { reasons: ['ساکنان رضایت ندادند'] } }),
      'POST /files/{fileId}/remediation': async () => ({ path: `/files/${(await withPermit('temporary')).fileId}/remediation`, body: { note: 'تابلو نصب شد' } }),
      'POST /files/{fileId}/renewal-requests': async () => ({ path: `/files/${(await renewable()).fileId}/renewal-requests` }),
      'POST /files/{fileId}/permits/{permitId}/revoke': async () => {
        const file = await signed();
        return { path: `/files/${file.fileId}/permits/${file.installationPermitId}/revoke`, body: { reason: 'دوربین به پنجره همسایه چرخانده شده' } };
      },
      'GET /signing-queue': fixed('/signing-queue'),
      'GET /operation-requests': fixed('/operation-requests'),
      'GET /inspections': fixed('/inspections'),
      'GET /temporary-permits': fixed('/temporary-permits'),
      'GET /permits/expiring': fixed('/permits/expiring'),
      'GET /files/{fileId}': async () => ({ path: `/files/${(await readingFile()).fileId}` }),
      'GET /statistics': fixed('/statistics'),
      'GET /health': fixed('/health'),
    },
    'permit-issuance': {
      'GET /permits': fixed('/permits'),
      'GET /permits/{permitNumber}': async () => ({ path: `/permits/${(await readingFile()).permitNumber}` }),
      'GET /verify': async () => ({ path: `/verify?permitNumber=${(await readingFile()).permitNumber}` }),
      'GET /verify/{permitNumber}': async () => ({ path: `/verify/${(await readingFile()).permitNumber}` }),
      'GET /statistics': fixed('/statistics'),
      'GET /health': fixed('/health'),
    },
  };

  const eventCounts = async (): Promise<number[]> => {
    const { rows } = await stack.db.query(`SELECT ${EVENT_TABLES.map((table, i) => `(SELECT count(*)::int FROM ${table}) AS n${i}`).join(', ')}`);
    return EVENT_TABLES.map((_, i) => Number(rows[0][`n${i}`]));
  };

  /** Until no office records anything for a while: reactions to the fixtures' steps have all run. */
  const settled = async () => {
    let last = '';
    let still = 0;
    const deadline = Date.now() + 60_000;
    while (still < 4 && Date.now() < deadline) {
      const now = JSON.stringify(await eventCounts());
      still = now === last ? still + 1 : 0;
      last = now;
      await new Promise((r) => setTimeout(r, 300));
    }
    return eventCounts();
  };

  it('every route answers 401 without a token, 403 to a role the table leaves out (recording nothing), 2xx to a role it names', async () => {
    // 1. The documents and the table name the same routes, and each route has a way to prepare its success.
    const documented = Object.fromEntries(
      await Promise.all(SERVICES.map(async (service) => {
        const { status, body } = await call(base(service), 'GET', '/openapi.json');
        expect(status).toBe(200);
        const routes = Object.entries(body.paths as Record<string, Record<string, unknown>>).flatMap(([path, operations]) =>
          Object.keys(operations).filter((m) => ['get', 'post', 'put', 'patch', 'delete'].includes(m)).map((m) => `${m.toUpperCase()} ${path}`));
        return [service, routes] as const;
      })),
    ) as Record<Service, string[]>;
    for (const service of SERVICES) {
      const table = Object.keys(ACCESS[service]);
      expect({ service, missingFromTable: documented[service].filter((r) => !table.includes(r)) }).toEqual({ service, missingFromTable: [] });
      expect({ service, inTableButNoRoute: table.filter((r) => !documented[service].includes(r)) }).toEqual({ service, inTableButNoRoute: [] });
      expect({ service, noPreparation: documented[service].filter((r) => !PREPARATIONS[service][r]) }).toEqual({ service, noPreparation: [] });
    }

    // 2. For each route and each role it admits, a file in the state just before the step — all at once.
    const t0 = Date.now();
    const cases = SERVICES.flatMap((service) =>
      documented[service].map((route) => {
        const access = ACCESS[service][route as keyof (typeof ACCESS)[typeof service]] as 'public' | readonly PersonRole[];
        const [method] = route.split(' ') as ['GET' | 'POST'];
        const allowed = access === 'public' ? [] : access;
        return { service, route, method, access, allowed, forbidden: access === 'public' ? [] : ROLES.filter((r) => !allowed.includes(r)) };
      }));
    const prepared = new Map<string, Prepared>();
    const key = (service: Service, route: string, role: PersonRole | 'public') => `${service} ${route} ${role}`;
    await Promise.all(
      cases.flatMap((c) =>
        (c.access === 'public' ? (['public'] as const) : c.allowed).map(async (role) => {
          prepared.set(key(c.service, c.route, role), await PREPARATIONS[c.service][c.route](role));
        })),
    );
    const before = await settled();
    const preparedMs = Date.now() - t0;

    // 3. No token, and every role the table leaves out, on the very request that succeeds for an allowed role.
    const wrong: string[] = [];
    const tally = { unauthorized: 0, forbidden: 0, success: 0, publicWithoutToken: 0 };
    const t1 = Date.now();
    await Promise.all(
      cases.flatMap((c) => {
        const request = prepared.get(key(c.service, c.route, c.access === 'public' ? 'public' : c.allowed[0]))!;
        const anonymous = send(c.service, c.method, request.path, undefined, request.body).then(({ status, body }) => {
          if (c.access === 'public') {
            if (is2xx(status)) tally.publicWithoutToken += 1;
            else wrong.push(`${c.service} ${c.route} without a token: ${status} (public: expected 2xx)`);
          } else if (status === 401) tally.unauthorized += 1;
          else wrong.push(`${c.service} ${c.route} without a token: ${status} ${JSON.stringify(body).slice(0, 200)}`);
        });
        const refused = c.forbidden.map((role) =>
          send(c.service, c.method, request.path, ACTOR[role], request.body).then(({ status, body }) => {
            if (status === 403 && body?.error === 'role-not-allowed') tally.forbidden += 1;
            else wrong.push(`${c.service} ${c.route} as ${role}: ${status} ${JSON.stringify(body).slice(0, 200)} (expected 403 role-not-allowed)`);
          }));
        return [anonymous, ...refused];
      }),
    );
    const after = await eventCounts();
    const refusedMs = Date.now() - t1;

    // 4. Every role the table names succeeds on its own fixture; public routes answer anyone.
    const t2 = Date.now();
    await Promise.all(
      cases.flatMap((c) =>
        (c.access === 'public' ? ROLES.map((role) => [role, 'public'] as const) : c.allowed.map((role) => [role, role] as const)).map(async ([role, fixture]) => {
          const request = prepared.get(key(c.service, c.route, fixture))!;
          const { status, body } = await send(c.service, c.method, request.path, ACTOR[role], request.body);
          if (is2xx(status)) tally.success += 1;
          else wrong.push(`${c.service} ${c.route} as ${role}: ${status} ${JSON.stringify(body).slice(0, 300)} (expected 2xx)`);
        })),
    );
    const allowedMs = Date.now() - t2;

    const routes = cases.length;
    console.log(
      `[route-access] ${routes} routes (${SERVICES.map((s) => `${s} ${documented[s].length}`).join(', ')}) × ${ROLES.length} roles + no token = ${routes * (ROLES.length + 1)} checks: ` +
        `401 ${tally.unauthorized}, 403 ${tally.forbidden}, 2xx ${tally.success} (+ ${tally.publicWithoutToken} public without a token), wrong ${wrong.length}; ` +
        `events before/after the refusals ${before.join('/')} → ${after.join('/')}; fixtures ${preparedMs} ms, refusals ${refusedMs} ms, successes ${allowedMs} ms`,
    );
    expect(wrong).toEqual([]);
    expect(after).toEqual(before);
    expect(tally.unauthorized + tally.publicWithoutToken).toBe(routes);
  });
});
