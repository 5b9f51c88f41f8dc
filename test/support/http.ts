/** A tiny HTTP client for the scenarios: every call carries the acting person's bearer token, as the offices' clients do. */
export interface Actor {
  readonly id: string;
  readonly role: string;
  /** Owners: the national ID their identity provider puts in the token. */
  readonly nationalId?: string;
}

/** Signs a token for an actor with the keys the stack under test trusts. */
export type TokenSigner = (actor: Actor) => Promise<string>;

let signer: TokenSigner | undefined;
const tokens = new Map<string, Promise<string>>();

/** Every call from now on signs its actor's token with this signer (one token per actor, reused). */
export const signTokensWith = (next: TokenSigner): void => {
  signer = next;
  tokens.clear();
};

export const tokenFor = (actor: Actor): Promise<string> => {
  if (!signer) throw new Error('no token signer: call signTokensWith() once the stack has started');
  const key = `${actor.role}|${actor.id}|${actor.nationalId ?? ''}`;
  if (!tokens.has(key)) tokens.set(key, signer(actor));
  return tokens.get(key)!;
};

export interface Answer<T = any> {
  readonly status: number;
  readonly body: T;
}

export const call = async <T = any>(
  base: string,
  method: 'GET' | 'POST',
  path: string,
  options: { actor?: Actor; body?: unknown; rawBody?: string; headers?: Record<string, string> } = {},
): Promise<Answer<T>> => {
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  if (options.actor) headers.authorization = `Bearer ${await tokenFor(options.actor)}`;
  let body: string | undefined;
  if (options.rawBody !== undefined) body = options.rawBody;
  else if (options.body !== undefined) body = JSON.stringify(options.body);
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${base}${path}`, { method, headers, body });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    /* not JSON: keep the text */
  }
  return { status: response.status, body: parsed as T };
};

/** Read models follow the log a moment later: ask again until the answer is what the office should see. */
export const eventually = async <T>(probe: () => Promise<T>, accept: (value: T) => boolean, what: string, timeoutMs = 20_000): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  while (Date.now() < deadline) {
    last = await probe();
    if (accept(last)) return last;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${what}: not seen within ${timeoutMs} ms; last answer: ${JSON.stringify(last)?.slice(0, 2000)}`);
};
