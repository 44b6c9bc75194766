/** Shared by api and web: enums, limits, the error model and the socket events. Framework-free and browser-safe. */
export * from './enums';
export * from './errors';
export * from './socket-events';
export * from './notifications';
export * from './reviews';
export * from './bids';
export * from './limits';
export * from './verification';
export * from './files';
export * from './listing-review';
export * from './krw-amount';
