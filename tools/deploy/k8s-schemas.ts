import * as path from 'node:path';
import * as ts from 'typescript';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { Service } from 'kubernetes-models/v1/Service';
import type { K8sObject } from './kustomize-render';
import { repoRoot } from './compose-render';

/** The kinds k8s/ may hold, each with its kubernetes-models class and its module (for the field check). */
const MODELS: Record<string, { model: new (data: any) => { validate(): void }; module: string; type: string }> = { // eslint-disable-line @typescript-eslint/no-explicit-any
  'apps/v1/Deployment': { model: Deployment, module: 'kubernetes-models/apps/v1/Deployment', type: 'IDeployment' },
  'v1/Service': { model: Service, module: 'kubernetes-models/v1/Service', type: 'IService' },
  'v1/ConfigMap': { model: ConfigMap, module: 'kubernetes-models/v1/ConfigMap', type: 'IConfigMap' },
  'autoscaling/v2/HorizontalPodAutoscaler': { model: HorizontalPodAutoscaler, module: 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler', type: 'IHorizontalPodAutoscaler' },
  'policy/v1/PodDisruptionBudget': { model: PodDisruptionBudget, module: 'kubernetes-models/policy/v1/PodDisruptionBudget', type: 'IPodDisruptionBudget' },
};

const modelOf = (o: K8sObject) => {
  const entry = MODELS[`${o.apiVersion}/${o.kind}`];
  if (!entry) throw new Error(`${o.apiVersion} ${o.kind} (${o.metadata?.name}) is not a kind the deployment uses`);
  return entry;
};

/** The schema errors kubernetes-models reports (types, formats, required fields), one line per object. */
export const schemaErrors = (objects: readonly K8sObject[]): string[] =>
  objects.flatMap((o) => {
    try {
      new (modelOf(o).model)(o).validate();
      return [];
    } catch (error) {
      return [`${o.kind}/${o.metadata.name}: ${(error as Error).message}`];
    }
  });

/**
 * Fields the API server would refuse as unknown (kubectl validates strictly), which the
 * schema validator lets through: each object is type-checked as an object literal against
 * its kubernetes-models interface, where TypeScript reports every excess property.
 */
export const unknownFieldErrors = (objects: readonly K8sObject[]): string[] => {
  const fileName = path.join(repoRoot, 'tools/deploy/__rendered-objects__.ts');
  const kinds = objects.map(modelOf);
  const source = [
    ...[...new Set(kinds)].map((k) => `import type { ${k.type} } from '${k.module}';`),
    ...objects.map((o, i) => `export const o${i}: ${kinds[i].type} = ${JSON.stringify(o)};`),
  ].join('\n');
  const options: ts.CompilerOptions = { strict: true, noEmit: true, skipLibCheck: true, types: [], module: ts.ModuleKind.CommonJS, moduleResolution: ts.ModuleResolutionKind.Node10, target: ts.ScriptTarget.ES2022 };
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile;
  host.getSourceFile = (name, version, ...rest) => (path.resolve(name) === fileName ? ts.createSourceFile(name, source, version) : getSourceFile(name, version, ...rest));
  const fileExists = host.fileExists;
  host.fileExists = (name) => path.resolve(name) === fileName || fileExists(name);
  const program = ts.createProgram([fileName], options, host);
  const firstLine = kinds.length ? new Set(kinds).size : 0;
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const message = ts.flattenDiagnosticMessageText(d.messageText, ' ');
    if (!d.file || d.start === undefined || path.resolve(d.file.fileName) !== fileName) return message;
    const o = objects[d.file.getLineAndCharacterOfPosition(d.start).line - firstLine];
    return o ? `${o.kind}/${o.metadata.name}: ${message}` : message;
  });
};
