/** A tiny HTTP client for the scenarios: every call says who acts, as the offices' clients do. */
export interface Actor {
  readonly id: string;
  readonly role: string;
}

export interface Answer<T = any> {
  readonly status: number;
  readonly body: T;
}

export const call = async <T = any>(
  base: string,
  method: 'GET' | 'POST',
  path: string,
  options: { actor?: Actor; body?: unknown; rawBody?: string } = {},
): Promise<Answer<T>> => {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.actor) {
    headers['x-actor-id'] = options.actor.id;
    headers['x-actor-role'] = options.actor.role;
  }
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
