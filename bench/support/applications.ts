import path from 'node:path';
import type { OfficeRole } from '@cctv/kernel';
import { DEFAULT_DEV_KEY_DIR, issueDevToken } from '@cctv/nest-common';

/** A valid Iranian national ID: nine digits and their check digit, never all alike. */
export function nationalIdFor(n: number): string {
  const body = String(100_000_001 + (n % 800_000_000)).padStart(9, '0');
  let sum = 0;
  for (let i = 0; i <= 8; i++) sum += Number(body[i]) * (10 - i);
  const r = sum % 11;
  return `${body}${r < 2 ? r : 11 - r}`;
}

/** A public place's application: four documents, no residents' consent. */
export const publicPlaceApplication = (n: number) => ({
  owner: { kind: 'person', nationalId: nationalIdFor(n), firstName: 'حسین', lastName: 'رضایی', mobile: '+989351112233' },
  premises: { kind: 'public-place', address: 'مشهد، خیابان امام رضا، فروشگاه نور', postalCode: '9134567891', residential: false },
  system: { cameras: [{ location: 'سالن فروش', fieldOfView: 'قفسه‌ها و صندوق' }], recorder: { model: 'DVR-4', retentionDays: 30 } },
  installer: { name: 'ایمن‌تصویر', guildLicenceNumber: '777' },
});

export interface Actor {
  readonly id: string;
  readonly role: string;
}

export const clerk: Actor = { id: 'clerk-reza', role: 'union-clerk' };
export const unionHead: Actor = { id: 'head-maryam', role: 'union-head' };
export const officer: Actor = { id: 'officer-ali', role: 'secretariat-officer' };
export const inspector: Actor = { id: 'insp-1', role: 'inspector' };
export const registrar: Actor = { id: 'registrar-1', role: 'registrar' };

const tokens = new Map<string, string>();

/**
 * Signs every actor's token once, with the development key the services
 * verify against (AUTH_DEV_KEY_DIR, default .data/auth): the bench measures
 * the services with authentication on, as they run.
 */
export async function signInActors(keyDir = path.resolve(process.env.AUTH_DEV_KEY_DIR || DEFAULT_DEV_KEY_DIR)): Promise<void> {
  for (const actor of [clerk, unionHead, officer, inspector, registrar]) {
    tokens.set(actor.id, await issueDevToken({ keyDir, personId: actor.id, roles: [actor.role as OfficeRole], ttlSeconds: 12 * 3600 }));
  }
}

export const actorHeaders = (actor?: Actor): Record<string, string> => {
  if (!actor) return {};
  const token = tokens.get(actor.id);
  if (!token) throw new Error(`no token for ${actor.id}: call signInActors() first`);
  return { authorization: `Bearer ${token}` };
};

export interface Answer {
  readonly status: number;
  readonly body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

export async function call(base: string, method: 'GET' | 'POST', path: string, actor?: Actor, body?: unknown): Promise<Answer> {
  const headers: Record<string, string> = { accept: 'application/json', ...actorHeaders(actor) };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${base}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

/** A 2xx answer, asking again while the office has not yet heard of an earlier step (409/404). */
export async function accepted(what: string, ask: () => Promise<Answer>, timeoutMs = 30_000): Promise<Answer> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const answer = await ask();
    if (answer.status >= 200 && answer.status < 300) return answer;
    if ((answer.status !== 409 && answer.status !== 404) || Date.now() > deadline) {
      throw new Error(`${what}: ${answer.status} ${JSON.stringify(answer.body)?.slice(0, 500)}`);
    }
    await new Promise((r) => setTimeout(r, 20));
  }
}
