/** Shared by api and web: enums and the error model. Framework-free. */
export * from './enums';
export * from './errors';
export * from './socket-events';
export * from './notifications';
export * from './reviews';
