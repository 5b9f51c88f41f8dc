export * from './client-address';
export * from './rate-limit.guard';
export * from './token-bucket';
