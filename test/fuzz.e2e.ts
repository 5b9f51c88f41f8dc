import { gzipSync } from 'node:zlib';
import { call, eventually, signTokensWith, tokenFor, type Actor } from './support/http';
import { analyst, clerk, inspector, officer, owner, owner2, publicPlace, registrar, residentialBuilding, unionHead } from './support/fixtures';
import { startEmbeddedStack } from './support/embedded-stack';
import type { RunningStack } from './support/stack';

/**
 * Thousands of generated bad requests at every route each service's OpenAPI
 * document lists, with a token of a role the route admits: wrong types at
 * every field, missing fields, overlong strings, control characters, keys such
 * as __proto__, deep nesting, huge numbers, arrays for objects, injection
 * strings, broken JSON, wrong content types, bodies over the limit and bad
 * query strings. No answer may be a 5xx, every refusal says why in English and
 * Persian, and not one event is appended. The run is seeded: the same requests
 * every time.
 */
jest.setTimeout(240_000);

const SEED = Number(process.env.FUZZ_SEED ?? 20_250_501);
const TARGET_REQUESTS = Number(process.env.FUZZ_REQUESTS ?? 3_600);
const CONCURRENCY = 8;

// ---------------------------------------------------------------- randomness

/** mulberry32: a tiny seeded PRNG, enough to make the run repeatable. */
const prng = (seed: number) => {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
};
const random = prng(SEED);
const int = (n: number) => Math.floor(random() * n);
const pick = <T>(items: readonly T[]): T => items[int(items.length)];
const chance = (p: number) => random() < p;
const uuid = () => {
  const hex = Array.from({ length: 32 }, () => int(16).toString(16)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${'89ab'[int(4)]}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
};

// ---------------------------------------------------------------- hostile values

const INJECTIONS = [
  "' OR 1=1 --", '"; DROP TABLE events; --', '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '{{7*7}}', '${7*7}', '#{7*7}',
  '../../etc/passwd', '$where', '{"$gt":""}', '%00', '\\u0000', 'javascript:alert(1)', '=cmd|/c calc!A1', '|| ls', '`id`',
];
const MIXED_DIGITS = ['۰۰۱۳۵۴۲۴۱۹', '٠٠١٣٥٤٢٤١٩', '۰۰13٥٤۲419', '۰۹۱۵۱۲۳۴۵۶۷', '+۹۸۹۱۵۱۲۳۴۵۶۷', '۱۴۰۴/۰۲/۳۰', 'KR-OM-۱۴۰۴-۰۰۰۰۰۱', 'kr۱۴۰۴٠٠٠١٠١'];
// Refused for every field, body included.
const CONTROLS = ['\u0001', '\u0007', '\u0008', '\u000b', '\u000c', '\u001b[2J', '\u007f', '\u0085', '\u009b', '\u202e', '\u202a', '\u2066', '\u2069'];
// Refused where text must be one line; a note may hold them.
const LINE_BREAKS = ['\n', '\r\n', '\t', '\u2028'];
const WEIRD_TEXT = ['', ' ', '   ', 'ـ', '‌', '👩‍💼🇮🇷', 'ي ك', 'a'.repeat(10_000), 'ب'.repeat(10_000), 'x'.repeat(65)];
const HUGE_NUMBERS = [1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, -1, 0, 1.5, 2 ** 31, -(2 ** 53), 1e-300];
const NUMBER_STRINGS = ['NaN', 'Infinity', '-Infinity', '1e400', '0x10', '1_000', '12abc', '', ' 7 ', '۱۲'];
const INHERITED_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__'];
const UNKNOWN_KEYS = ['isAdmin', 'role', 'ownerNationalId', 'fileNumber', 'status', 'zzExtra', 'a'.repeat(100)];

const hostileText = () =>
  pick([
    () => pick(INJECTIONS),
    () => pick(MIXED_DIGITS),
    () => `ab${pick(CONTROLS)}cd`,
    () => `ab${pick(LINE_BREAKS)}cd`,
    () => pick(WEIRD_TEXT),
    () => pick(NUMBER_STRINGS),
  ])();

/** Anything at all, for a field of any type. */
const anyValue = (): unknown =>
  pick([
    () => hostileText(),
    () => pick(HUGE_NUMBERS),
    () => pick([true, false, null]),
    () => [],
    () => [hostileText(), pick(HUGE_NUMBERS)],
    () => ({}),
    () => ({ [pick(UNKNOWN_KEYS)]: hostileText() }),
  ])();

const deep = (levels: number): unknown => {
  let value: unknown = 'bottom';
  for (let i = 0; i < levels; i++) value = chance(0.5) ? [value] : { a: value };
  return value;
};

/** A value of the wrong type for a field of this schema type: never accepted. */
const wrongTypeFor = (type: string | undefined): unknown => {
  switch (type) {
    case 'string':
      return pick([123, -1, 1e308, true, false, null, {}, [], ['a'], { a: 'b' }]);
    case 'integer':
    case 'number':
      return pick([...NUMBER_STRINGS, '12', true, null, [], {}, [1]]);
    case 'boolean':
      return pick(['true', 'false', 1, 0, 'yes', null, [], {}]);
    case 'array':
      return pick([{}, 'a', 5, { 0: 'a' }, null, true]);
    default:
      return pick([[], 'x', 5, true, null, [{}], deep(3)]);
  }
};

// ---------------------------------------------------------------- OpenAPI

type Schema = {
  $ref?: string;
  type?: string;
  enum?: unknown[];
  example?: unknown;
  examples?: unknown[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  format?: string;
  minimum?: number;
  maximum?: number;
};

interface Parameter {
  readonly name: string;
  readonly in: 'path' | 'query' | 'header';
  readonly schema?: Schema;
  readonly example?: unknown;
}

interface Operation {
  readonly service: string;
  readonly base: string;
  readonly method: string;
  readonly path: string;
  readonly parameters: readonly Parameter[];
  readonly body: Schema | null;
  readonly roles: readonly string[] | 'public';
}

interface Document {
  paths: Record<string, Record<string, { parameters?: Parameter[]; requestBody?: { content?: Record<string, { schema?: Schema }> }; security?: unknown[]; 'x-roles'?: string[] }>>;
  components?: { schemas?: Record<string, Schema> };
}

const resolver = (document: Document) => (schema: Schema | undefined): Schema => {
  let current = schema ?? {};
  for (let i = 0; current.$ref && i < 10; i++) current = document.components?.schemas?.[current.$ref.split('/').pop() ?? ''] ?? {};
  return current;
};

const operationsOf = (service: string, base: string, document: Document): Operation[] =>
  Object.entries(document.paths).flatMap(([path, operations]) =>
    Object.entries(operations).map(([method, operation]) => {
      const resolve = resolver(document);
      const bodySchema = operation.requestBody?.content?.['application/json']?.schema;
      return {
        service,
        base,
        method: method.toUpperCase(),
        path,
        parameters: operation.parameters ?? [],
        body: bodySchema ? inline(resolve, bodySchema) : null,
        roles: operation.security && operation.security.length === 0 ? 'public' : (operation['x-roles'] ?? []),
      };
    }),
  );

/** The schema with every $ref replaced by what it names, so a body can be built and spoiled without the document. */
const inline = (resolve: (s: Schema | undefined) => Schema, schema: Schema, depth = 0): Schema => {
  const own = resolve(schema);
  if (depth > 8) return own;
  return {
    ...own,
    ...(own.properties ? { properties: Object.fromEntries(Object.entries(own.properties).map(([k, v]) => [k, inline(resolve, v, depth + 1)])) } : {}),
    ...(own.items ? { items: inline(resolve, own.items, depth + 1) } : {}),
  };
};

/** A plausible value for a schema: its example or first enum value; the starting point that is then spoiled. */
const plausible = (schema: Schema, fileIds: readonly string[]): unknown => {
  if (schema.enum?.length) return schema.enum[0];
  if (schema.example !== undefined) return schema.example;
  if (schema.examples?.length) return schema.examples[0];
  switch (schema.type) {
    case 'object':
      return Object.fromEntries(Object.entries(schema.properties ?? {}).map(([k, v]) => [k, plausible(v, fileIds)]));
    case 'array':
      return [plausible(schema.items ?? { type: 'string' }, fileIds)];
    case 'integer':
    case 'number':
      return schema.minimum ?? 1;
    case 'boolean':
      return true;
    default:
      if (schema.format === 'uuid') return pick(fileIds);
      return schema.properties ? plausible({ ...schema, type: 'object' }, fileIds) : 'متن نمونه';
  }
};

type Path = (string | number)[];

/** Every place in a body, with the schema it should hold; `requiredOnly` keeps to places every valid body must fill. */
const placesOf = (schema: Schema, value: unknown, requiredOnly: boolean, at: Path = []): { path: Path; schema: Schema }[] => {
  const here = at.length ? [{ path: at, schema }] : [];
  if (schema.type === 'array' || schema.items) {
    return [...here, ...(Array.isArray(value) && value.length ? placesOf(schema.items ?? {}, value[0], requiredOnly, [...at, 0]) : [])];
  }
  if (!schema.properties || value === null || typeof value !== 'object') return here;
  const keys = Object.keys(schema.properties).filter((k) => !requiredOnly || (schema.required ?? []).includes(k));
  return [...here, ...keys.flatMap((k) => placesOf(schema.properties![k], (value as Record<string, unknown>)[k], requiredOnly, [...at, k]))];
};

/** The object holding the last step of `path`, or null when an earlier change left no object there. */
const parentOf = (root: unknown, path: Path): Record<string | number, unknown> | null => {
  let node = root as Record<string | number, unknown> | null;
  for (const step of path.slice(0, -1)) {
    const inner = node?.[step];
    node = inner && typeof inner === 'object' ? (inner as Record<string | number, unknown>) : null;
  }
  return node && typeof node === 'object' ? node : null;
};

const setAt = (root: unknown, path: Path, value: unknown): void => {
  const parent = parentOf(root, path);
  if (parent) parent[path[path.length - 1]] = value;
};

const deleteAt = (root: unknown, path: Path): void => {
  const parent = parentOf(root, path);
  if (Array.isArray(parent)) parent.splice(Number(path[path.length - 1]), 1);
  else if (parent) delete parent[path[path.length - 1]];
};

const objectsIn = (value: unknown, at: Path = []): Path[] =>
  value && typeof value === 'object'
    ? [
        ...(Array.isArray(value) ? [] : [at]),
        ...Object.entries(value).flatMap(([k, v]) => objectsIn(v, [...at, Array.isArray(value) ? Number(k) : k])),
      ]
    : [];

// ---------------------------------------------------------------- requests

interface Probe {
  readonly operation: Operation;
  readonly actor: Actor | null;
  readonly method: string;
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly body: string | Buffer | undefined;
  readonly what: string;
}

const ACTORS: Record<string, Actor[]> = {
  owner: [owner, owner2],
  'union-clerk': [clerk],
  'union-head': [unionHead],
  'secretariat-officer': [officer],
  inspector: [inspector],
  registrar: [registrar],
  analyst: [analyst],
};

const GARBAGE_SEGMENTS = [
  'not-a-uuid', '0', '-1', '1e999', 'NaN', 'null', 'undefined', '__proto__', 'constructor', '%00', '%01', '%0A', '%E2%80%AE', '%', '%E0%A4%A', '%C0%AF',
  '%FF%FE', encodeURIComponent("' OR 1=1 --"), encodeURIComponent('<script>alert(1)</script>'), encodeURIComponent('{{7*7}}'), encodeURIComponent('${7*7}'),
  'a'.repeat(2_000), encodeURIComponent('ب'.repeat(500)), '00000000-0000-0000-0000-000000000000', 'FFFFFFFF-FFFF-4FFF-BFFF-FFFFFFFFFFFF', '..', '.%2e',
  encodeURIComponent('۰۰۱۳۵۴۲۴۱۹'), encodeURIComponent('KR-OM-۱۴۰۴-۰۰۰۰۰۱'), 'KR-OM-1404-000001', 'kr-om-1404-000001',
];

const fillPath = (operation: Operation, fileIds: readonly string[]): { path: string; garbage: boolean } => {
  let garbage = false;
  const path = operation.path.replace(/\{([^}]+)\}/g, (_match, name: string) => {
    const declared = operation.parameters.find((p) => p.in === 'path' && p.name === name);
    const valid = [
      ...fileIds,
      uuid(),
      ...(declared?.schema?.enum ?? []).map(String),
      ...(declared?.example !== undefined ? [String(declared.example)] : []),
    ];
    if (chance(0.55)) return encodeURIComponent(pick(valid));
    garbage = true;
    return pick(GARBAGE_SEGMENTS);
  });
  return { path, garbage };
};

const queryValue = (parameter: Parameter | undefined): string =>
  pick([
    () => hostileText(),
    () => pick(NUMBER_STRINGS),
    () => String(pick(HUGE_NUMBERS)),
    () => 'bogus',
    () => String(parameter?.schema?.enum?.[0] ?? parameter?.example ?? 'x'),
  ])();

/** A query string made to be refused or ignored: wrong enums, bounds, repeated and bracketed keys, inherited names, junk encodings. */
const badQuery = (operation: Operation): string => {
  const declared = operation.parameters.filter((p) => p.in === 'query');
  const pairs: string[] = [];
  const count = 1 + int(3);
  for (let i = 0; i < count; i++) {
    const parameter = declared.length && chance(0.7) ? pick(declared) : undefined;
    const name = parameter?.name ?? pick([...UNKNOWN_KEYS, ...INHERITED_KEYS]);
    const style = int(6);
    if (style === 0) pairs.push(`${encodeURIComponent(name)}=${encodeURIComponent(queryValue(parameter))}&${encodeURIComponent(name)}=${encodeURIComponent(queryValue(parameter))}`);
    else if (style === 1) pairs.push(`${encodeURIComponent(name)}[${pick(['a', '0', '__proto__', ''])}]=${encodeURIComponent(queryValue(parameter))}`);
    else if (style === 2) pairs.push(`${encodeURIComponent(name)}=${pick(['%', '%E0%A4%A', '%00', '%C0%AF', '%FF', '%0A', '%E2%80%AE'])}`);
    else if (style === 3) pairs.push(encodeURIComponent(name));
    else pairs.push(`${encodeURIComponent(name)}=${encodeURIComponent(queryValue(parameter))}`);
  }
  return `?${pairs.join('&')}`;
};

/**
 * A body with at least one defect no valid request has (so nothing may ever be appended), and
 * sometimes more hostile but valid-looking values on top: injection strings, mixed digits, line breaks.
 */
const spoiledBody = (schema: Schema, fileIds: readonly string[]): { value: unknown; what: string } => {
  const value = plausible(schema, fileIds) as Record<string, unknown>;
  const everywhere = placesOf(schema, value, false);
  // Extras first, so that the defect below is never overwritten.
  const extras: string[] = [];
  for (let i = int(3); i > 0 && everywhere.length; i--) {
    const place = pick(everywhere);
    const extra = place.schema.type === 'string' || !place.schema.type ? hostileText() : chance(0.5) ? pick(HUGE_NUMBERS) : anyValue();
    setAt(value, place.path, extra);
    extras.push(`${place.path.join('.')}~extra`);
  }
  // Places every valid body must fill, through parents that are always validated (never a field another one makes optional).
  const required = placesOf(schema, value, true);
  const stringPlaces = required.filter((p) => p.schema.type === 'string' && !p.schema.enum);
  const checkedObjects: Path[] = [[], ...required.filter((p) => p.schema.properties && !Array.isArray(p.path)).map((p) => p.path)];
  const defects: (() => string)[] = [
    () => {
      const place = pick(required);
      setAt(value, place.path, wrongTypeFor(place.schema.type));
      return `wrong type at ${place.path.join('.')}`;
    },
    () => {
      const place = pick(required);
      deleteAt(value, place.path);
      return `missing ${place.path.join('.')}`;
    },
    () => {
      // Only where a DTO is validated: inside a field that is skipped, an unknown key would pass unseen.
      const at = pick(checkedObjects);
      const key = pick(UNKNOWN_KEYS);
      setAt(value, [...at, key], anyValue());
      return `unknown field ${[...at, key].join('.')}`;
    },
    () => {
      const at = pick(objectsIn(value));
      const key = pick(INHERITED_KEYS);
      // JSON.parse on the server makes an own "__proto__" key; build the text the same way here.
      setAt(value, [...at, `@@${key}@@`], chance(0.5) ? { polluted: 'yes' } : { prototype: { polluted: 'yes' } });
      return `inherited key ${[...at, key].join('.')}`;
    },
    () => {
      if (!stringPlaces.length) return 'no string field';
      const place = pick(stringPlaces);
      setAt(value, place.path, pick(['a', 'ب', '۱', '<']).repeat(10_000));
      return `10k chars at ${place.path.join('.')}`;
    },
    () => {
      if (!stringPlaces.length) return 'no string field';
      const place = pick(stringPlaces);
      setAt(value, place.path, `${String(plausible(place.schema, fileIds))}${pick(CONTROLS)}`);
      return `control character at ${place.path.join('.')}`;
    },
    () => {
      const place = pick(required);
      setAt(value, place.path, deep(40 + int(200)));
      return `deep nesting at ${place.path.join('.')}`;
    },
  ];
  let what = pick(defects)();
  if (what === 'no string field') what = defects[0]();
  return { value, what: [what, ...extras].join(', ') };
};

const serialise = (value: unknown): string => JSON.stringify(value).replace(/"@@([A-Za-z_]+)@@"/g, '"$1"');

const probeFor = async (operation: Operation, fileIds: readonly string[]): Promise<Probe> => {
  const roles = operation.roles === 'public' ? [] : operation.roles;
  const actor = roles.length ? pick(roles.flatMap((r) => ACTORS[r] ?? [])) ?? null : null;
  const headers: Record<string, string> = { accept: chance(0.9) ? 'application/json' : pick(['text/html', '*/*', 'application/xml', 'text/html;q=0.9, application/json;q=0.1']) };
  if (actor) headers.authorization = `Bearer ${await tokenFor(actor)}`;
  const { path, garbage } = fillPath(operation, fileIds);
  const withQuery = operation.parameters.some((p) => p.in === 'query') ? chance(0.8) : chance(0.2);
  let url = `${operation.base}${path}${withQuery ? badQuery(operation) : ''}`;
  const parts: string[] = [garbage ? 'garbage path' : 'plausible path', ...(withQuery ? ['bad query'] : [])];
  let body: string | Buffer | undefined;
  const canHaveBody = operation.method !== 'GET' && operation.method !== 'HEAD';

  const params = operation.path.match(/\{[^}]+\}/g) ?? [];
  if (operation.body && params.length && chance(0.15)) {
    // A well-formed body with hostile but valid text, aimed at files that do not exist: it reaches the
    // command handlers and the store, and must still be a 4xx that appends nothing. (Never without a path
    // parameter, where a well-formed body would open a file, and never at the seeded files.)
    const value = plausible(operation.body, fileIds);
    const strings = placesOf(operation.body, value, false).filter((p) => p.schema.type === 'string' && !p.schema.enum);
    for (const place of strings) if (chance(0.5)) setAt(value, place.path, pick([...INJECTIONS, ...MIXED_DIGITS]));
    const path = operation.path.replace(/\{[^}]+\}/g, () => (chance(0.8) ? uuid() : pick(GARBAGE_SEGMENTS)));
    headers['content-type'] = 'application/json';
    return { operation, actor, method: operation.method, url: `${operation.base}${path}`, headers, body: serialise(value), what: 'well-formed body, unknown file' };
  }
  if (operation.body) {
    const spoiled = spoiledBody(operation.body, fileIds);
    parts.push(spoiled.what);
    let text = serialise(spoiled.value);
    headers['content-type'] = 'application/json';
    const transport = int(12);
    if (transport === 0) {
      text = pick([text.slice(0, Math.max(1, int(text.length))), `${text},`, text.replace(/"/g, "'"), `${text}}`, `[${text}`, text.replace(/:/, ': NaN,'), `/*c*/${text}`, 'null', '"x"', '12', 'true', '']);
      parts.push('broken JSON');
    } else if (transport === 1) {
      headers['content-type'] = pick(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml', 'application/json; charset=latin-9', 'application/json; charset=utf-16', 'application/jsonx', 'image/png']);
      parts.push(`content-type ${headers['content-type']}`);
    } else if (transport === 2) {
      text = serialise({ ...(spoiled.value as object), padding: 'x'.repeat(70_000 + int(100_000)) });
      parts.push('over the limit');
    } else if (transport === 3) {
      text = pick([serialise([spoiled.value]), serialise([]), '[[[[[]]]]]', serialise('string'), serialise(7)]);
      parts.push('array or scalar for the body');
    } else if (transport === 4) {
      headers['content-encoding'] = pick(['gzip', 'gzip', 'deflate', 'br', 'x-unknown']);
      body = headers['content-encoding'] === 'gzip' && chance(0.7) ? gzipSync(Buffer.from(text)) : Buffer.from(text);
      parts.push(`content-encoding ${headers['content-encoding']}`);
    }
    body ??= text;
  } else if (canHaveBody && chance(0.6)) {
    // A route that reads no body still gets one: hostile keys, junk, or the wrong type.
    const junk = pick([
      () => serialise({ '@@__proto__@@': { polluted: 'yes' } }),
      () => serialise({ a: { '@@constructor@@': { prototype: { polluted: 'yes' } } } }),
      () => serialise({ [pick(UNKNOWN_KEYS)]: anyValue() }),
      () => serialise(deep(100)),
      () => '{"broken":',
      () => `{"a":"${'x'.repeat(80_000)}"}`,
    ])();
    headers['content-type'] = chance(0.8) ? 'application/json' : 'text/plain';
    body = junk;
    parts.push(`junk body (${headers['content-type']})`);
  } else if (!canHaveBody && chance(0.05)) {
    // fetch sends no body with a GET; a huge header instead, which Node itself answers (431) before Express sees the request.
    headers['x-padding'] = 'x'.repeat(20_000);
    parts.push('huge header');
  }
  if (chance(0.03)) {
    url = `${operation.base}${path}?${'q='.concat('a'.repeat(9_000))}`;
    parts.push('long query');
  }
  return { operation, actor, method: operation.method, url, headers, body, what: parts.join('; ') };
};

// ---------------------------------------------------------------- the run

describe('fuzzing every route with bad requests', () => {
  let stack: RunningStack;
  const fileIds: string[] = [];
  const saved = { ...process.env };

  beforeAll(async () => {
    // Verification is fuzzed like every other route; its own limit has its own test.
    process.env.VERIFY_RATE_LIMIT_PER_MINUTE = '1000000';
    process.env.VERIFY_RATE_LIMIT_BURST = '1000000';
    stack = await startEmbeddedStack();
    process.env = saved;
    signTokensWith(stack.sign);
    for (const [application, as] of [[residentialBuilding(), clerk], [publicPlace(), clerk]] as const) {
      const opened = await call(stack.union, 'POST', '/files', { actor: as, body: application });
      expect(opened.status).toBe(201);
      fileIds.push(opened.body.fileId);
    }
    for (const fileId of fileIds) {
      await eventually(() => call(stack.union, 'GET', `/files/${fileId}`, { actor: clerk }), (r) => r.status === 200, `file ${fileId} in the union's list`);
    }
  });

  afterAll(async () => {
    await stack?.stop();
  });

  const eventTables = async (): Promise<string[]> => {
    const { rows } = await stack.db.query<{ name: string }>(
      `SELECT table_schema || '.' || table_name AS name FROM information_schema.tables WHERE table_name = 'events' AND table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 1`,
    );
    return rows.map((r) => r.name);
  };

  const countEvents = async (tables: readonly string[]): Promise<Record<string, string>> => {
    const counts: Record<string, string> = {};
    for (const table of tables) {
      const { rows } = await stack.db.query<{ n: string; last: string | null }>(`SELECT count(*)::text AS n, max(position)::text AS last FROM ${table}`);
      counts[table] = `${rows[0].n} events, last position ${rows[0].last}`;
    }
    return counts;
  };

  /** Counts that stay the same for a second: the reactions to the seeded files have run. */
  const settled = async (tables: readonly string[]) => {
    let previous = JSON.stringify(await countEvents(tables));
    for (let i = 0; i < 30; i++) {
      await new Promise((r) => setTimeout(r, 1_000));
      const now = JSON.stringify(await countEvents(tables));
      if (now === previous) return JSON.parse(now) as Record<string, string>;
      previous = now;
    }
    throw new Error(`the event store did not settle: ${previous}`);
  };

  it('answers every one of thousands of bad requests with a 4xx that says why in English and Persian, and appends nothing', async () => {
    const tables = await eventTables();
    expect(tables).toEqual(expect.arrayContaining(['permit_issuance.events', 'secretariat_inspection.events', 'union_intake.events']));
    const before = await settled(tables);

    const operations: Operation[] = [];
    for (const [service, base] of [['union-intake', stack.union], ['secretariat-inspection', stack.secretariat], ['permit-issuance', stack.issuance]] as const) {
      const response = await fetch(`${base}/openapi.json`);
      expect(response.status).toBe(200);
      operations.push(...operationsOf(service, base, (await response.json()) as Document));
    }
    const perOperation = Math.ceil(TARGET_REQUESTS / operations.length);

    const probes: Probe[] = [];
    for (let round = 0; round < perOperation; round++) {
      for (const operation of operations) probes.push(await probeFor(operation, fileIds));
    }

    const histogram = new Map<number, number>();
    const serverErrors: string[] = [];
    const unexplained: string[] = [];
    const accepted: string[] = [];
    const unescaped: string[] = [];
    const started = Date.now();
    let next = 0;
    const worker = async () => {
      while (next < probes.length) {
        const probe = probes[next++];
        const label = `${probe.operation.service} ${probe.method} ${probe.operation.path} — ${probe.what}`;
        let status: number;
        let text: string;
        let type: string;
        try {
          const response = await fetch(probe.url, { method: probe.method, headers: probe.headers, body: probe.body });
          status = response.status;
          type = response.headers.get('content-type') ?? '';
          text = await response.text();
        } catch (error) {
          serverErrors.push(`${label}: connection failed (${(error as Error).message}) url=${probe.url.slice(0, 200)}`);
          continue;
        }
        histogram.set(status, (histogram.get(status) ?? 0) + 1);
        const sample = () => `url=${probe.url.slice(0, 300)} body=${String(probe.body ?? '').slice(0, 300)} → ${text.slice(0, 300)}`;
        if (status >= 500) serverErrors.push(`${label}: ${status} ${sample()}`);
        else if (status >= 200 && status < 300 && probe.method !== 'GET') accepted.push(`${label}: ${status} ${sample()}`);
        else if (status >= 400 && status !== 431 && type.includes('json')) {
          // 431: Node refuses oversized headers itself, before any of our code runs, with an empty body.
          let body: Record<string, unknown> = {};
          try {
            body = JSON.parse(text);
          } catch {
            /* not JSON after all */
          }
          if (typeof body.message !== 'string' || !body.message || typeof body.messageFa !== 'string' || !body.messageFa) unexplained.push(`${label}: ${status} ${sample()}`);
        } else if (status >= 400 && status !== 431 && !type.includes('html')) unexplained.push(`${label}: ${status} (${type}) ${sample()}`);
        if (type.includes('html') && /<script|<img|onerror=/i.test(text)) unescaped.push(`${label}: ${sample()}`);
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    const duration = Date.now() - started;
    const after = await settled(tables);

    const statuses = [...histogram.entries()].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${n}`).join(' ');
    console.log(
      `[fuzz] seed ${SEED}: ${probes.length} requests to ${operations.length} routes in ${duration} ms (${Math.round((probes.length / duration) * 1000)}/s); ` +
        `statuses ${statuses}; 5xx ${serverErrors.length}; 4xx without message/messageFa ${unexplained.length}; ` +
        `writes accepted ${accepted.length}; events before ${JSON.stringify(before)}, after ${JSON.stringify(after)}`,
    );
    for (const line of [...serverErrors, ...unexplained, ...accepted, ...unescaped].slice(0, 40)) console.log(`[fuzz] ${line}`);

    expect(probes.length).toBeGreaterThanOrEqual(3_000);
    expect(serverErrors).toEqual([]);
    expect(unexplained).toEqual([]);
    expect(accepted).toEqual([]);
    expect(unescaped).toEqual([]);
    expect(after).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('stores injection strings in valid text fields as sent (digits in the one spelling an application keeps) and shows them back exactly', async () => {
    const texts = ["' OR 1=1 --", '<script>alert(1)</script>', '{{7*7}}', '${7*7}'];
    const application = residentialBuilding();
    const sent = {
      ...application,
      owner: { ...application.owner, lastName: `${texts[0]} ۱۲3٤` },
      premises: { ...application.premises, address: `مشهد ${texts[1]} پلاک ۴2٤` },
      system: { ...application.system, cameras: [{ location: texts[2], fieldOfView: texts[3] }] },
      installer: { ...application.installer, name: texts.join(' | ') },
    };
    const opened = await call(stack.union, 'POST', '/files', { actor: clerk, body: sent });
    expect(opened.status).toBe(201);
    const fileId: string = opened.body.fileId;
    const reference = `scan/${texts[1]}/${texts[0]}.pdf`;
    expect((await call(stack.union, 'POST', `/files/${fileId}/documents/camera-plan`, { actor: clerk, body: { reference } })).status).toBe(200);

    const { rows } = await stack.db.query<{ data: Record<string, any> }>(
      `SELECT data FROM union_intake.events WHERE data::text LIKE '%' || $1 || '%' ORDER BY position`, [fileId],
    );
    const stored = JSON.stringify(rows.map((r) => r.data));
    for (const text of [texts[2], texts[3], sent.installer.name, reference]) expect(stored).toContain(JSON.stringify(text).slice(1, -1));
    // An application is kept in the union's one spelling (ASCII digits, Persian yeh and kaf, single spaces), so either spelling finds it.
    expect(stored).toContain(JSON.stringify("' OR 1=1 -- 1234"));
    expect(stored).toContain(JSON.stringify('مشهد <script>alert(1)</script> پلاک 424'));

    const shown = await eventually(
      () => call(stack.union, 'GET', `/files/${fileId}`, { actor: clerk }),
      (r) => r.status === 200 && JSON.stringify(r.body.documents).includes('scan/'),
      'the file with its document',
    );
    expect(shown.body.address).toBe('مشهد <script>alert(1)</script> پلاک 424');
    expect(shown.body.documents.find((d: { kind: string }) => d.kind === 'camera-plan')?.reference).toBe(reference);
  });
});
