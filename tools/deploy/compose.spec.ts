import * as path from 'node:path';
import { deadLetterTopic, TOPICS } from '@cctv/contracts';
import { authSettingsFrom } from '@cctv/nest-common';
import { renderCompose, repoRoot, type ComposeModel, type ComposeService, type ComposeVolume } from './compose-render';
import { deployedServices as appNames, isSignInVariable, ownerRefServices, signInVariablesRead } from './services';

// The one default secret the file may hold: the local development database password,
// used only when POSTGRES_PASSWORD is not set. Anything else secret must come from the environment.
const LOCAL_DEV_PASSWORD = 'cctv-local-dev';
const SECRET_NAME = /PASSWORD|SECRET|TOKEN|CREDENTIAL|API_?KEY/i;
// docker-compose is a Python program: a render takes about a second, more on a busy machine.
const RENDER_TIMEOUT_MS = 30_000;

const appServices = (model: ComposeModel): [string, ComposeService][] =>
  Object.entries(model.services).filter(([, service]) => service.build?.args?.SERVICE);

const env = (service: ComposeService, name: string): string | undefined => service.environment?.[name] ?? undefined;

const dependencies = (service: ComposeService): Record<string, string> =>
  Array.isArray(service.depends_on)
    ? Object.fromEntries(service.depends_on.map((name) => [name, 'service_started']))
    : Object.fromEntries(Object.entries(service.depends_on ?? {}).map(([name, { condition }]) => [name, condition]));

/** A mount as [volume, path in the container], whichever form docker-compose renders. */
const mount = (volume: ComposeVolume): [string, string] =>
  typeof volume === 'string' ? (volume.split(':').slice(0, 2) as [string, string]) : [volume.source ?? '', volume.target];

// The image sets NODE_ENV=production (docker/Dockerfile); the compose file inherits it.
const inImage = (service: ComposeService): NodeJS.ProcessEnv => ({
  NODE_ENV: 'production',
  ...Object.fromEntries(Object.entries(service.environment ?? {}).map(([key, value]) => [key, value ?? undefined])),
});

const containerPort = (port: string | { target: number }): number =>
  typeof port === 'string' ? Number(port.replace(/\/\w+$/, '').split(':').pop()) : port.target;

/** Every value that is a secret: variables named like one, and passwords inside connection URLs. */
const secretsIn = (model: ComposeModel): { where: string; value: string }[] =>
  Object.entries(model.services).flatMap(([name, service]) =>
    Object.entries(service.environment ?? {}).flatMap(([key, value]) => {
      if (!value) return []; // empty: unset, the service makes its own (or has none)
      if (SECRET_NAME.test(key)) return [{ where: `${name}.${key}`, value }];
      const url = URL.canParse(value) ? new URL(value) : null;
      return url?.password ? [{ where: `${name}.${key} (URL password)`, value: decodeURIComponent(url.password) }] : [];
    }),
  );

describe('docker/compose.yaml, as docker-compose renders it', () => {
  let model: ComposeModel;
  beforeAll(() => {
    model = renderCompose();
  }, RENDER_TIMEOUT_MS);

  it('builds every deployed service from docker/Dockerfile with its own SERVICE', () => {
    const built = appServices(model).map(([name, service]) => {
      expect(service.build?.dockerfile).toBe('docker/Dockerfile');
      expect(path.resolve(repoRoot, service.build!.context)).toBe(repoRoot);
      expect(name).toBe(service.build?.args?.SERVICE);
      return name;
    });
    expect(appNames.length).toBeGreaterThan(0);
    expect(built.sort()).toEqual([...appNames].sort());
  });

  it('gives every long-running container a health check; a one-shot container is awaited until it completes', () => {
    const services = Object.entries(model.services);
    for (const [name, service] of services) {
      if (service.restart === 'no') {
        const awaited = services.some(([, other]) => dependencies(other)[name] === 'service_completed_successfully');
        expect({ name, awaited }).toEqual({ name, awaited: true });
      } else {
        expect({ name, healthcheck: Boolean(service.healthcheck?.test) && !service.healthcheck?.disable }).toEqual({ name, healthcheck: true });
      }
    }
  });

  it('starts each service only once PostgreSQL and Kafka are healthy and the topics exist', () => {
    const topicCreator = Object.entries(model.services).find(([, service]) => env(service, 'TOPICS'))?.[0];
    expect(topicCreator).toBeDefined();
    for (const [name, service] of appServices(model)) {
      const databaseHost = new URL(env(service, 'DATABASE_URL')!).hostname;
      const brokerHosts = env(service, 'KAFKA_BROKERS')!.split(',').map((broker) => broker.trim().split(':')[0]);
      expect({ name, image: model.services[databaseHost]?.image }).toEqual({ name, image: expect.stringMatching(/^postgres:/) });
      for (const host of brokerHosts) expect({ name, image: model.services[host]?.image }).toEqual({ name, image: expect.stringMatching(/kafka/) });
      expect({ name, depends: dependencies(service) }).toEqual({
        name,
        depends: expect.objectContaining({
          [databaseHost]: 'service_healthy',
          ...Object.fromEntries(brokerHosts.map((host) => [host, 'service_healthy'])),
          [topicCreator!]: 'service_completed_successfully',
        }),
      });
    }
  });

  it('creates every public topic and every dead-letter topic, with the partitions the services ask for', () => {
    const creator = Object.values(model.services).find((service) => env(service, 'TOPICS'))!;
    const created = Object.fromEntries(env(creator, 'TOPICS')!.trim().split(/\s+/).map((spec) => spec.split(':')).map(([topic, n]) => [topic, Number(n)]));
    const partitions = new Set(appServices(model).map(([, service]) => Number(env(service, 'TOPIC_PARTITIONS'))));
    expect(partitions.size).toBe(1);
    const [publicPartitions] = [...partitions];
    expect(publicPartitions).toBeGreaterThan(0);
    // The services' own topic check asks for one partition on a dead-letter topic.
    const expected = {
      ...Object.fromEntries(Object.values(TOPICS).map((topic) => [topic, publicPartitions])),
      ...Object.fromEntries(appNames.map((name) => [deadLetterTopic(name), 1])),
    };
    expect(created).toEqual(expected);
    for (const [, service] of appServices(model)) expect(env(service, 'TOPIC_PREFIX') ?? '').toBe('');
    const broker = Object.values(model.services).find((service) => env(service, 'KAFKA_PROCESS_ROLES'))!;
    expect(env(broker, 'KAFKA_AUTO_CREATE_TOPICS_ENABLE')).toBe('false');
  });

  it('has each service listen on all interfaces, on the port its health check and published port use', () => {
    for (const [name, service] of appServices(model)) {
      const port = Number(env(service, 'PORT'));
      const check = ([] as string[]).concat(service.healthcheck!.test!).join(' ');
      expect({ name, host: env(service, 'HOST') }).toEqual({ name, host: '0.0.0.0' });
      expect({ name, check }).toEqual({ name, check: expect.stringContaining(`:${port}/health`) });
      expect({ name, ports: (service.ports ?? []).map(containerPort) }).toEqual({ name, ports: [port] });
    }
  });

  it('tells permit issuance its public address, from the environment when set', () => {
    const issuance = model.services['permit-issuance'];
    expect(env(issuance, 'PUBLIC_BASE_URL')).toMatch(/^https?:\/\//);
    const overridden = renderCompose({ PUBLIC_BASE_URL: 'https://permits.example.org' });
    expect(env(overridden.services['permit-issuance'], 'PUBLIC_BASE_URL')).toBe('https://permits.example.org');
  }, RENDER_TIMEOUT_MS);

  it('selects the PostgreSQL event store by default, and EventStoreDB for every service when EVENT_STORE says so', () => {
    const esdb = renderCompose({ EVENT_STORE: 'eventstoredb' });
    for (const [name, service] of appServices(model)) {
      expect({ name, store: env(service, 'EVENT_STORE') }).toEqual({ name, store: 'postgres' });
      expect({ name, store: env(esdb.services[name], 'EVENT_STORE') }).toEqual({ name, store: 'eventstoredb' });
      const host = new URL(env(service, 'EVENTSTORE_CONNECTION_STRING')!).hostname;
      expect({ name, image: model.services[host]?.image }).toEqual({ name, image: expect.stringMatching(/eventstore|kurrent/) });
      expect({ name, waits: dependencies(service)[host] }).toEqual({ name, waits: 'service_healthy' });
    }
  }, RENDER_TIMEOUT_MS);

  it('writes no secret but the local development password, and only as a default', () => {
    const secrets = secretsIn(model);
    expect(secrets.length).toBeGreaterThan(0);
    for (const secret of secrets) expect(secret).toEqual({ where: secret.where, value: LOCAL_DEV_PASSWORD });
  });

  it('takes the database password from the environment everywhere it is used', () => {
    const password = 'from-the-operator-environment';
    const rendered = renderCompose({ POSTGRES_PASSWORD: password });
    const secrets = secretsIn(rendered);
    expect(secrets.map((s) => s.where).sort()).toEqual(secretsIn(model).map((s) => s.where).sort());
    for (const secret of secrets) expect(secret).toEqual({ where: secret.where, value: password });
    expect(JSON.stringify(rendered)).not.toContain(LOCAL_DEV_PASSWORD);
  }, RENDER_TIMEOUT_MS);

  it('has the services sign people in with one development key in a volume they share (allowed on this one machine)', () => {
    const declared = Object.keys(model.volumes ?? {});
    const keyVolumes = new Set<string>();
    for (const [name, service] of appServices(model)) {
      const settings = authSettingsFrom(inImage(service), '/app');
      expect({ name, keys: settings.keys }).toEqual({ name, keys: { kind: 'dev-key', dir: env(service, 'AUTH_DEV_KEY_DIR') } });
      expect({ name, allowed: env(service, 'AUTH_ALLOW_DEV_KEY') }).toEqual({ name, allowed: 'true' });
      const onKeyDir = (service.volumes ?? []).map(mount).filter(([, target]) => target === env(service, 'AUTH_DEV_KEY_DIR'));
      expect({ name, mounts: onKeyDir.length }).toEqual({ name, mounts: 1 });
      expect(declared).toContain(onKeyDir[0][0]);
      keyVolumes.add(onKeyDir[0][0]);
    }
    expect(keyVolumes.size).toBe(1);
  });

  it('points every service at the operator\'s identity provider when AUTH_JWKS_URL and AUTH_ISSUER are set', () => {
    const provider = {
      AUTH_JWKS_URL: 'https://id.example.org/realms/cctv/protocol/openid-connect/certs',
      AUTH_ISSUER: 'https://id.example.org/realms/cctv',
      AUTH_AUDIENCE: 'cctv-permits-staging',
      AUTH_ROLES_CLAIM: 'groups',
      AUTH_NATIONAL_ID_CLAIM: 'nid',
    };
    const rendered = renderCompose(provider);
    for (const [name] of appServices(model)) {
      const settings = authSettingsFrom(inImage(rendered.services[name]), '/app');
      expect({ name, settings }).toEqual({
        name,
        settings: expect.objectContaining({
          keys: { kind: 'jwks-url', url: provider.AUTH_JWKS_URL },
          issuer: provider.AUTH_ISSUER,
          audience: provider.AUTH_AUDIENCE,
          rolesClaim: provider.AUTH_ROLES_CLAIM,
          nationalIdClaim: provider.AUTH_NATIONAL_ID_CLAIM,
        }),
      });
    }
  }, RENDER_TIMEOUT_MS);

  it('sets only sign-in variables the services read', () => {
    for (const [name, service] of appServices(model)) {
      const unread = Object.keys(service.environment ?? {}).filter((key) => isSignInVariable(key) && !signInVariablesRead.has(key));
      expect({ name, unread }).toEqual({ name, unread: [] });
    }
  });

  it('gives the owner-reference secret to union intake and the secretariat only, the same one, from the environment when set', () => {
    const secret = 'owner-reference-secret-from-the-operator-environment';
    const rendered = renderCompose({ OWNER_REF_SECRET: secret });
    for (const [name, service] of appServices(model)) {
      const needs = ownerRefServices.includes(name as (typeof ownerRefServices)[number]);
      // Unset here: both make or read owner-ref.secret in the key volume they share (checked above).
      expect({ name, local: service.environment?.OWNER_REF_SECRET }).toEqual({ name, local: needs ? '' : undefined });
      expect({ name, given: rendered.services[name].environment?.OWNER_REF_SECRET }).toEqual({ name, given: needs ? secret : undefined });
    }
  }, RENDER_TIMEOUT_MS);
});
