export * from './documents/document-kinds';
export * from './documents/required-documents';
export * from './opening-file/application';
export { normalizeApplication } from './opening-file/normalize-application';
export * from './union-file/commands';
export * from './union-file/events';
export * from './union-file/state';
export * from './union-file/decider';
export * from './access/file-access';
