/** Marketplace rules that are not capability metadata: the listing workflow, bids and awards. Framework-free. */
export * from './listing-workflow';
export * from './bid-workflow';
export * from './prechecks';
export * from './listing-diff';
export * from './project-workflow';
