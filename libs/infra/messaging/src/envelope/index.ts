export * from './envelope-problem';
export * from './parse-envelope';
export * from './service-names';
