import 'reflect-metadata';
import { RequestMethod, type DynamicModule, type Type } from '@nestjs/common';
import { ACCESS } from '@cctv/contracts';
import { routeKeyOf } from '@cctv/nest-common';
import { OFFICES } from './offices';

type ModuleRef = Type<unknown> | DynamicModule;

/** Every controller a module mounts, its imports' included, as Nest's own metadata records them. */
const controllersOf = (ref: ModuleRef, seen = new Set<unknown>()): Type<unknown>[] => {
  if (seen.has(ref)) return [];
  seen.add(ref);
  const dynamic = typeof ref === 'object' ? ref : null;
  const type = dynamic ? dynamic.module : (ref as Type<unknown>);
  const controllers = [...(Reflect.getMetadata('controllers', type) ?? []), ...(dynamic?.controllers ?? [])];
  const imports: ModuleRef[] = [...(Reflect.getMetadata('imports', type) ?? []), ...((dynamic?.imports ?? []) as ModuleRef[])];
  return [...controllers, ...imports.filter(Boolean).flatMap((i) => controllersOf(i, seen))];
};

const join = (...parts: string[]) => `/${parts.flatMap((p) => p.split('/')).filter(Boolean).join('/')}`;

/** `METHOD /path/{param}` for every handler of the controllers, as the access table writes them. */
const routesOf = (controllers: readonly Type<unknown>[]): string[] =>
  controllers.flatMap((controller) => {
    const prefixes: string[] = [Reflect.getMetadata('path', controller) ?? ''].flat();
    const proto = controller.prototype as Record<string, unknown>;
    return Object.getOwnPropertyNames(proto)
      .map((name) => proto[name])
      .filter((handler): handler is object => typeof handler === 'function' && Reflect.hasMetadata('method', handler))
      .flatMap((handler) => {
        const method = RequestMethod[Reflect.getMetadata('method', handler) as RequestMethod];
        const paths: string[] = [Reflect.getMetadata('path', handler) ?? ''].flat();
        return prefixes.flatMap((prefix) => paths.map((path) => routeKeyOf(method, join(prefix, path))));
      });
  });

/** The quick form of the route × role test's first check: the table and the controllers name the same routes. */
describe.each(OFFICES)('the access table and the $service controllers', ({ service, module }) => {
  const routes = routesOf(controllersOf(module));

  it('name the same routes', () => {
    const table = Object.keys(ACCESS[service]);
    expect(routes.length).toBeGreaterThan(0);
    expect(routes.filter((r) => !table.includes(r))).toEqual([]);
    expect(table.filter((r) => !routes.includes(r))).toEqual([]);
  });
});
