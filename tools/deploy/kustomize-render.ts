import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse, parseAllDocuments } from 'yaml';

// A renderer for exactly the kustomize features k8s/ uses, so the manifests can be checked
// without a kustomize binary. Anything else in a kustomization.yaml is refused rather than ignored.

export type K8sObject = {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string> };
  spec?: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  data?: Record<string, string>;
};

interface Kustomization {
  resources?: string[];
  namespace?: string;
  commonLabels?: Record<string, string>;
  images?: { name: string; newName?: string; newTag?: string }[];
  replicas?: { name: string; count: number }[];
  patches?: { target: { kind?: string; name?: string }; patch: string }[];
}

const SUPPORTED = new Set(['apiVersion', 'kind', 'resources', 'namespace', 'commonLabels', 'images', 'replicas', 'patches']);

/** Where commonLabels go, per kind (kustomize also rewrites selectors, so pods and selectors keep matching). */
const LABEL_PATHS: Record<string, string[][]> = {
  ConfigMap: [],
  Service: [['spec', 'selector']],
  Deployment: [['spec', 'selector', 'matchLabels'], ['spec', 'template', 'metadata', 'labels']],
  PodDisruptionBudget: [['spec', 'selector', 'matchLabels']],
  HorizontalPodAutoscaler: [],
};

export const renderKustomization = (dir: string): K8sObject[] => {
  const file = path.join(dir, 'kustomization.yaml');
  const k = parse(fs.readFileSync(file, 'utf8')) as Kustomization;
  const unsupported = Object.keys(k).filter((key) => !SUPPORTED.has(key));
  if (unsupported.length) throw new Error(`${file}: the test renderer does not support ${unsupported.join(', ')}`);

  let objects = (k.resources ?? []).flatMap((entry) => loadResource(path.resolve(dir, entry)));
  for (const { target, patch } of k.patches ?? []) objects = applyPatch(objects, target, patch, file);
  if (k.namespace) for (const o of objects) o.metadata.namespace = k.namespace;
  if (k.commonLabels) for (const o of objects) addLabels(o, k.commonLabels);
  for (const image of k.images ?? []) retag(objects, image, file);
  for (const { name, count } of k.replicas ?? []) {
    const found = objects.filter((o) => o.kind === 'Deployment' && o.metadata.name === name);
    if (!found.length) throw new Error(`${file}: replicas names no Deployment ${name}`);
    for (const o of found) o.spec.replicas = count;
  }
  return objects;
};

const loadResource = (target: string): K8sObject[] => {
  if (fs.statSync(target).isDirectory()) return renderKustomization(target);
  return parseAllDocuments(fs.readFileSync(target, 'utf8'))
    .map((doc) => {
      if (doc.errors.length) throw new Error(`${target}: ${doc.errors[0].message}`);
      return doc.toJS() as K8sObject | null;
    })
    .filter((o): o is K8sObject => o !== null);
};

const addLabels = (o: K8sObject, labels: Record<string, string>) => {
  const paths = LABEL_PATHS[o.kind];
  if (!paths) throw new Error(`the test renderer does not know where ${o.kind} keeps its selectors`);
  o.metadata.labels = { ...o.metadata.labels, ...labels };
  for (const p of paths) {
    const parent = p.slice(0, -1).reduce((node, key) => (node[key] ??= {}), o as any); // eslint-disable-line @typescript-eslint/no-explicit-any
    parent[p[p.length - 1]] = { ...parent[p[p.length - 1]], ...labels };
  }
};

const imageName = (image: string) => image.replace(/@.*$/, '').replace(/:[^/:]*$/, '');

const retag = (objects: K8sObject[], { name, newName, newTag }: { name: string; newName?: string; newTag?: string }, file: string) => {
  const containers = objects
    .filter((o) => o.spec?.template?.spec)
    .flatMap((o) => [...(o.spec.template.spec.containers ?? []), ...(o.spec.template.spec.initContainers ?? [])]);
  const matching = containers.filter((c: { image: string }) => imageName(c.image) === name);
  if (!matching.length) throw new Error(`${file}: images names ${name}, which no container uses`);
  for (const c of matching) c.image = `${newName ?? name}${newTag ? `:${newTag}` : ''}`;
};

type JsonPatchOp = { op: 'add' | 'replace' | 'remove'; path: string; value?: unknown };

const applyPatch = (objects: K8sObject[], target: { kind?: string; name?: string }, patch: string, file: string): K8sObject[] => {
  const ops = parse(patch) as JsonPatchOp[];
  if (!Array.isArray(ops)) throw new Error(`${file}: only JSON 6902 patches (a list of operations) are supported`);
  const hits = objects.filter((o) => (!target.kind || o.kind === target.kind) && (!target.name || o.metadata.name === target.name));
  if (!hits.length) throw new Error(`${file}: patch target ${JSON.stringify(target)} matches nothing`);
  for (const o of hits) for (const op of ops) applyOp(o, op, file);
  return objects;
};

const applyOp = (o: K8sObject, { op, path: pointer, value }: JsonPatchOp, file: string) => {
  const keys = pointer.split('/').slice(1).map((key) => key.replace(/~1/g, '/').replace(/~0/g, '~'));
  const last = keys.pop()!;
  const parent = keys.reduce((node: any, key) => node?.[key], o); // eslint-disable-line @typescript-eslint/no-explicit-any
  if (parent === undefined || parent === null) throw new Error(`${file}: ${op} ${pointer}: no such parent in ${o.kind}/${o.metadata.name}`);
  const isArray = Array.isArray(parent);
  const index = last === '-' ? parent.length : Number(last);
  if (op !== 'add' && !(last in parent)) throw new Error(`${file}: ${op} ${pointer}: nothing there in ${o.kind}/${o.metadata.name}`);
  if (op === 'remove') return isArray ? parent.splice(index, 1) : delete parent[last];
  if (op === 'add' && isArray) return parent.splice(index, 0, value);
  if (op === 'add' || op === 'replace') return (parent[last] = value);
  throw new Error(`${file}: patch operation ${op} is not supported`);
};
