import { INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { json } from 'express';
import { DomainExceptionFilter } from './domain-exception.filter';
import { RedactingLogger } from './redacting-logger';
import { StorableInputPipe } from './storable-input.pipe';
import { createValidationPipe } from './validation';

export interface ServiceOptions {
  readonly name: string;
  readonly title: string;
  readonly description: string;
  readonly port: number;
  readonly host?: string;
}

/** One way to stand a service up: logging, validation, error answers, body limit, OpenAPI at /openapi.json. */
export const createServiceApp = async (module: Type<unknown>, options: ServiceOptions): Promise<INestApplication> => {
  const app = await NestFactory.create(module, { logger: new RedactingLogger(options.name), bodyParser: false });
  app.use(json({ limit: '64kb' }));
  app.useGlobalPipes(new StorableInputPipe(), createValidationPipe());
  app.useGlobalFilters(new DomainExceptionFilter());
  app.enableShutdownHooks();
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle(options.title)
      .setDescription(options.description)
      .setVersion('1')
      .addGlobalParameters(
        { name: 'x-actor-id', in: 'header', required: false, description: 'Acting person (office user id); required on commands' },
        { name: 'x-actor-role', in: 'header', required: false, description: 'Office role of the acting person; required on commands' },
      )
      .build(),
  );
  app.getHttpAdapter().get('/openapi.json', (_req: unknown, res: { json: (b: unknown) => void }) => res.json(document));
  return app;
};

export const listen = async (app: INestApplication, options: ServiceOptions): Promise<void> => {
  await app.listen(options.port, options.host ?? '127.0.0.1');
};
