export * from './event-store.port';
export * from './checkpoint-store.port';
export * from './event-id-conflict.error';
export * from './deterministic-event-id';
export * from './in-memory/in-memory-event-store';
export * from './in-memory/in-memory-checkpoint-store';
export * from './postgres/postgres-event-store';
export * from './postgres/postgres-checkpoint-store';
export type { SqlExecutor } from './postgres/sql';
