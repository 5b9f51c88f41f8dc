export * from './permit/commands';
export * from './permit/events';
export * from './permit/state';
export * from './permit/decider';
export * from './issuing-permit/permit-number';
export * from './permit-status/permit-status';
