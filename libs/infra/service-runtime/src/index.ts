export * from './runtime-hosting';
export * from './service-config';
export * from './service-definition';
export * from './service-runtime';
export * from './service-runtime.module';
export * from './office';
