export * from './config.ts';
export * from './tables.ts';
export * from './queues.ts';
export * from './schedules.ts';
export * from './api.ts';
export * from './functions.ts';
