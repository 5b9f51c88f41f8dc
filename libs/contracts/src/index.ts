export * from './envelope';
export * from './union.events';
export * from './secretariat.events';
export * from './issuance.events';
export * from './schemas';
export * from './access';
