export * from './decider';
export * from './errors';
export * from './actor';
export * from './calendar';
export * from './text';
export * from './identity';
export * from './owner-access';
