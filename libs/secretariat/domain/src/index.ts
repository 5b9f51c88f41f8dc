export * from './checklist/checklist';
export * from './hologram/hologram-serial';
export * from './hologram/hologram';
export * from './secretariat-file/commands';
export * from './secretariat-file/events';
export * from './secretariat-file/state';
export * from './secretariat-file/secretariat-file.decider';
export * from './secretariat-file/operation-status';
