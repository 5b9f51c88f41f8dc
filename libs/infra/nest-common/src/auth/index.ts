export * from './auth-settings';
export * from './dev-key';
export * from './dev-token';
export * from './token-verifier';
export * from './access.guard';
export * from './temporary-auth';
export * from './owner-ref';
