export * from './bootstrap';
export * from './clock';
export * from './decide-and-append';
export * from './domain-exception.filter';
export * from './health.controller';
export * from './redacting-logger';
export * from './request-context';
export * from './validation';
