import * as fs from 'node:fs';
import * as path from 'node:path';
import { OFFICE_ROLES } from '@cctv/kernel';
import { authSettingsFrom } from '@cctv/nest-common';
import { repoRoot } from './compose-render';
import { schemaErrors, unknownFieldErrors } from './k8s-schemas';
import { renderKustomization, type K8sObject } from './kustomize-render';
import { deployedServices, isSignInVariable, ownerRefServices, signInVariablesRead } from './services';

// Secrets the cluster operator creates (k8s/README.md says how); the manifests only refer to them.
const EXTERNAL_SECRETS: Record<string, string[]> = {
  'cctv-database': ['url'],
  'cctv-eventstoredb': ['connection-string'],
  'cctv-owner-ref': ['secret'],
};

const base = path.join(repoRoot, 'k8s/base');
const production = path.join(repoRoot, 'k8s/overlays/production');
const readme = fs.readFileSync(path.join(repoRoot, 'k8s/README.md'), 'utf8');

const ofKind = (objects: K8sObject[], kind: string) => objects.filter((o) => o.kind === kind);
const named = (objects: K8sObject[], kind: string, name: string) => objects.find((o) => o.kind === kind && o.metadata.name === name);
const podSpec = (deployment: K8sObject) => deployment.spec.template.spec;
const containers = (deployment: K8sObject): any[] => podSpec(deployment).containers; // eslint-disable-line @typescript-eslint/no-explicit-any
const matches = (selector: Record<string, string>, labels: Record<string, string> = {}) =>
  Object.keys(selector).length > 0 && Object.entries(selector).every(([key, value]) => labels[key] === value);

/** The environment a container starts with: its ConfigMaps (in order), then its own env. */
const environmentOf = (objects: K8sObject[], container: any): Record<string, string> => ({ // eslint-disable-line @typescript-eslint/no-explicit-any
  ...Object.assign({}, ...(container.envFrom ?? []).map((source: any) => named(objects, 'ConfigMap', source.configMapRef?.name)?.data ?? {})), // eslint-disable-line @typescript-eslint/no-explicit-any
  ...Object.fromEntries((container.env ?? []).map((e: any) => [e.name, e.value ?? (e.valueFrom?.secretKeyRef ? `secret:${e.valueFrom.secretKeyRef.name}/${e.valueFrom.secretKeyRef.key}` : 'from-elsewhere')])), // eslint-disable-line @typescript-eslint/no-explicit-any
});

describe.each([
  ['the base', base],
  ['the production overlay', production],
])('k8s: %s, rendered', (_label, dir) => {
  let objects: K8sObject[];
  beforeAll(() => {
    objects = renderKustomization(dir);
  });

  it('validates every object against the Kubernetes schemas', () => {
    expect(objects.length).toBeGreaterThan(0);
    expect(schemaErrors(objects)).toEqual([]);
  });

  it('uses no field the API server would refuse as unknown', () => {
    expect(unknownFieldErrors(objects)).toEqual([]);
  }, 120_000);

  it('gives each deployed service a Deployment, a Service, a ConfigMap, an autoscaler and a disruption budget', () => {
    for (const name of deployedServices) {
      for (const [kind, objectName] of [['Deployment', name], ['Service', name], ['ConfigMap', `${name}-config`], ['HorizontalPodAutoscaler', name], ['PodDisruptionBudget', name]]) {
        expect({ kind, objectName, found: Boolean(named(objects, kind, objectName)) }).toEqual({ kind, objectName, found: true });
      }
    }
  });

  it('routes every Service to exactly one Deployment, on a port its container declares', () => {
    for (const service of ofKind(objects, 'Service')) {
      const targets = ofKind(objects, 'Deployment').filter((d) => matches(service.spec.selector, d.spec.template.metadata.labels));
      expect({ service: service.metadata.name, targets: targets.map((d) => d.metadata.name) }).toEqual({ service: service.metadata.name, targets: [service.metadata.name] });
      const declared = containers(targets[0]).flatMap((c) => c.ports ?? []).flatMap((p: { name?: string; containerPort: number }) => [p.name, p.containerPort]);
      for (const port of service.spec.ports) expect(declared).toContain(port.targetPort);
    }
  });

  it('selects each Deployment\'s own pods, and each disruption budget one Deployment', () => {
    for (const d of ofKind(objects, 'Deployment')) expect(matches(d.spec.selector.matchLabels, d.spec.template.metadata.labels)).toBe(true);
    for (const pdb of ofKind(objects, 'PodDisruptionBudget')) {
      const targets = ofKind(objects, 'Deployment').filter((d) => matches(pdb.spec.selector.matchLabels, d.spec.template.metadata.labels));
      expect(targets.map((d) => d.metadata.name)).toEqual([pdb.metadata.name]);
    }
  });

  it('points every autoscaler at an existing Deployment, with the Deployment\'s replicas inside its range', () => {
    for (const hpa of ofKind(objects, 'HorizontalPodAutoscaler')) {
      const { apiVersion, kind, name } = hpa.spec.scaleTargetRef;
      const target = objects.find((o) => o.apiVersion === apiVersion && o.kind === kind && o.metadata.name === name);
      expect({ hpa: hpa.metadata.name, target: target?.kind }).toEqual({ hpa: hpa.metadata.name, target: 'Deployment' });
      expect(hpa.spec.minReplicas).toBeGreaterThanOrEqual(2);
      expect(target!.spec.replicas).toBeGreaterThanOrEqual(hpa.spec.minReplicas);
      expect(target!.spec.replicas).toBeLessThanOrEqual(hpa.spec.maxReplicas);
    }
  });

  it('refers only to ConfigMaps it declares and to the Secrets the README tells the operator to create', () => {
    for (const d of ofKind(objects, 'Deployment')) {
      for (const c of containers(d)) {
        for (const source of c.envFrom ?? []) {
          expect(source.secretRef).toBeUndefined();
          expect({ configMap: source.configMapRef?.name, declared: Boolean(named(objects, 'ConfigMap', source.configMapRef?.name)) }).toEqual({ configMap: source.configMapRef?.name, declared: true });
        }
        for (const { valueFrom } of c.env ?? []) {
          if (valueFrom?.configMapKeyRef) expect(named(objects, 'ConfigMap', valueFrom.configMapKeyRef.name)?.data).toHaveProperty([valueFrom.configMapKeyRef.key]);
          if (valueFrom?.secretKeyRef) {
            const { name, key } = valueFrom.secretKeyRef;
            expect({ name, key, external: EXTERNAL_SECRETS[name]?.includes(key) ?? false }).toEqual({ name, key, external: true });
          }
        }
      }
    }
    for (const [name, keys] of Object.entries(EXTERNAL_SECRETS)) {
      expect(readme).toContain(name);
      for (const key of keys) expect(readme).toContain(key);
    }
  });

  it('writes no Secret and no password into the manifests', () => {
    expect(ofKind(objects, 'Secret')).toEqual([]);
    for (const map of ofKind(objects, 'ConfigMap')) {
      for (const [key, value] of Object.entries(map.data ?? {})) {
        expect({ key, secretLike: /PASSWORD|SECRET|TOKEN|DATABASE_URL|CONNECTION_STRING/i.test(key) }).toEqual({ key, secretLike: false });
        const url = URL.canParse(value) ? new URL(value) : null;
        expect({ key, password: url?.password ?? '' }).toEqual({ key, password: '' });
      }
    }
  });

  it('starts each service listening on all interfaces, on its declared port, with its database from a Secret', () => {
    for (const name of deployedServices) {
      const [container] = containers(named(objects, 'Deployment', name)!);
      const env = environmentOf(objects, container);
      expect(env.HOST).toBe('0.0.0.0');
      expect(container.ports.map((p: { containerPort: number }) => p.containerPort)).toContain(Number(env.PORT));
      expect(env.DATABASE_URL).toBe('secret:cctv-database/url');
      expect(env.KAFKA_BROKERS).toMatch(/^[\w.-]+:\d+(,[\w.-]+:\d+)*$/);
      expect(['postgres', 'eventstoredb']).toContain(env.EVENT_STORE);
    }
    const issuance = environmentOf(objects, containers(named(objects, 'Deployment', 'permit-issuance')!)[0]);
    expect(issuance.PUBLIC_BASE_URL).toMatch(/^https?:\/\//);
  });

  it('checks every sign-in token against the identity provider\'s published keys, never a development key', () => {
    for (const name of deployedServices) {
      const env = environmentOf(objects, containers(named(objects, 'Deployment', name)!)[0]);
      expect({ name, nodeEnv: env.NODE_ENV, allowDevKey: env.AUTH_ALLOW_DEV_KEY }).toEqual({ name, nodeEnv: 'production', allowDevKey: undefined });
      const settings = authSettingsFrom(env, '/app');
      expect({ name, keys: settings.keys }).toEqual({ name, keys: { kind: 'jwks-url', url: expect.stringMatching(/^https:\/\//) } });
      expect({ name, issuer: settings.issuer, audience: settings.audience }).toEqual({ name, issuer: expect.stringMatching(/^https:\/\//), audience: 'cctv-permits' });
      const unread = Object.keys(env).filter((key) => isSignInVariable(key) && !signInVariablesRead.has(key));
      expect({ name, unread }).toEqual({ name, unread: [] });
    }
  });

  it('gives the owner-reference secret, from one Secret, to union intake and the secretariat only', () => {
    for (const name of deployedServices) {
      const [container] = containers(named(objects, 'Deployment', name)!);
      const entry = (container.env ?? []).find((e: { name: string }) => e.name === 'OWNER_REF_SECRET');
      const needs = ownerRefServices.includes(name);
      expect({ name, from: environmentOf(objects, container).OWNER_REF_SECRET }).toEqual({ name, from: needs ? 'secret:cctv-owner-ref/secret' : undefined });
      // Required: the service refuses to start without it in production, better said by the kubelet.
      if (needs) expect({ name, optional: entry.valueFrom.secretKeyRef.optional ?? false }).toEqual({ name, optional: false });
    }
  });

  it('tells the operator how to plug in their identity provider, for every sign-in setting it ships', () => {
    expect(readme).toContain('## Sign-in: plugging in your identity provider');
    for (const key of Object.keys(named(objects, 'ConfigMap', 'cctv-platform')!.data ?? {}).filter(isSignInVariable)) expect(readme).toContain(key);
    // The identity provider's roles must be named exactly like the office roles.
    for (const role of OFFICE_ROLES.filter((r) => r !== 'system')) expect(readme).toContain(`| \`${role}\` |`);
  });

  it('is ready on /health but alive on a route that does not ask the database or the broker', () => {
    for (const d of ofKind(objects, 'Deployment')) {
      for (const c of containers(d)) {
        const ports = (c.ports ?? []).flatMap((p: { name?: string; containerPort: number }) => [p.name, p.containerPort]);
        expect(c.readinessProbe.httpGet.path).toBe('/health');
        expect(c.livenessProbe.httpGet.path).not.toBe('/health');
        for (const probe of [c.readinessProbe, c.livenessProbe, c.startupProbe].filter(Boolean)) expect(ports).toContain(probe.httpGet.port);
        expect(c.resources.requests).toEqual(expect.objectContaining({ cpu: expect.any(String), memory: expect.any(String) }));
        expect(c.resources.limits.memory).toEqual(expect.any(String));
      }
    }
  });

  it('runs every container as a non-root user on a read-only root file system', () => {
    for (const d of ofKind(objects, 'Deployment')) {
      expect(podSpec(d).securityContext.runAsNonRoot).toBe(true);
      for (const c of containers(d)) {
        expect(c.securityContext).toEqual(expect.objectContaining({ allowPrivilegeEscalation: false, readOnlyRootFilesystem: true }));
        const mounts = (c.volumeMounts ?? []).map((m: { name: string }) => m.name);
        const volumes = (podSpec(d).volumes ?? []).map((v: { name: string }) => v.name);
        for (const mount of mounts) expect(volumes).toContain(mount);
      }
    }
  });
});

describe('k8s: the production overlay', () => {
  let objects: K8sObject[];
  beforeAll(() => {
    objects = renderKustomization(production);
  });

  it('puts every object in its namespace', () => {
    const namespaces = new Set(objects.map((o) => o.metadata.namespace));
    expect([...namespaces]).toEqual([expect.stringMatching(/^[a-z0-9-]+$/)]);
  });

  it('runs three replicas of each service from a tagged image in its registry', () => {
    for (const name of deployedServices) {
      const deployment = named(objects, 'Deployment', name)!;
      expect(deployment.spec.replicas).toBe(3);
      for (const c of containers(deployment)) expect(c.image).toMatch(new RegExp(`^[\\w.-]+(:\\d+)?/.*${name}:(?!latest$)[\\w.-]+$`));
    }
  });

  it('names its own identity provider, over https', () => {
    const shipped = named(renderKustomization(base), 'ConfigMap', 'cctv-platform')!.data!;
    const own = named(objects, 'ConfigMap', 'cctv-platform')!.data!;
    for (const key of ['AUTH_ISSUER', 'AUTH_JWKS_URL']) {
      expect({ key, value: own[key] }).toEqual({ key, value: expect.stringMatching(/^https:\/\//) });
      expect(own[key]).not.toBe(shipped[key]);
    }
  });

  it('keeps selectors and pod labels in step after adding its own labels', () => {
    for (const d of ofKind(objects, 'Deployment')) {
      expect(d.spec.selector.matchLabels['app.kubernetes.io/instance']).toBe('production');
      expect(d.spec.template.metadata.labels['app.kubernetes.io/instance']).toBe('production');
    }
  });
});
