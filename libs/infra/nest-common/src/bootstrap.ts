import { INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { DomainExceptionFilter } from './domain-exception.filter';
import { RedactingLogger } from './redacting-logger';
import { requestBodyHandling } from './request-body';
import { StorableInputPipe } from './storable-input.pipe';
import { createValidationPipe } from './validation';
import type { AccessTable } from '@cctv/contracts';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AccessGuard, assertTableCoversRoutes, authenticateEarly, routesOf } from './auth/access.guard';
import { correlationId } from './request-context';
import { authSettingsFrom } from './auth/auth-settings';
import { TokenVerifier } from './auth/token-verifier';

export interface ServiceOptions {
  readonly name: string;
  readonly title: string;
  readonly description: string;
  readonly port: number;
  readonly host?: string;
  /** Who may call which route (see ACCESS in @cctv/contracts). */
  readonly access: AccessTable;
  /** Defaults to the verifier the environment configures (AUTH_*). */
  readonly verifier?: TokenVerifier;
}

/** One way to stand a service up: logging, validation, error answers, JSON bodies up to a limit, OpenAPI at /openapi.json. */
export const createServiceApp = async (module: Type<unknown>, options: ServiceOptions): Promise<INestApplication> => {
  const app = await NestFactory.create<NestExpressApplication>(module, { logger: new RedactingLogger(options.name), bodyParser: false });
  app.disable('x-powered-by');
  const verifier = options.verifier ?? (await TokenVerifier.create(authSettingsFrom()));
  // Sign-in is checked before the body is read: an anonymous caller gets 401, not a parse or size error.
  app.use(correlationId(), authenticateEarly(options.access, verifier), ...requestBodyHandling());
  app.useGlobalPipes(new StorableInputPipe(), createValidationPipe());
  app.useGlobalFilters(new DomainExceptionFilter());
  app.useGlobalGuards(new AccessGuard(verifier, options.access));
  app.enableShutdownHooks();
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle(options.title)
      .setDescription(options.description)
      .setVersion('1')
      .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'A token from the identity provider; its roles say what the person may do' })
      .addSecurityRequirements('bearer')
      .build(),
  );
  assertTableCoversRoutes(options.name, routesOf(document as never), options.access);
  describeAccess(document as never, options.access);
  const http = app.getHttpAdapter() as unknown as { get(path: string, handler: (req: unknown, res: { json(b: unknown): void }) => void): void };
  http.get('/openapi.json', (_req, res) => res.json(document));
  return app;
};

export const listen = async (app: INestApplication, options: Pick<ServiceOptions, 'port' | 'host'>): Promise<void> => {
  await app.listen(options.port, options.host ?? '127.0.0.1');
};

/** Each operation says who may call it: `security: []` when public, `x-roles` otherwise. */
const describeAccess = (document: { paths: Record<string, Record<string, Record<string, unknown>>> }, table: AccessTable): void => {
  for (const [path, operations] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      const access = table[`${method.toUpperCase()} ${path}`];
      if (access === 'public') operation.security = [];
      else if (access) operation['x-roles'] = access;
    }
  }
};
