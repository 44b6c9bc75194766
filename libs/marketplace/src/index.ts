/** Marketplace rules that are not capability metadata: the listing workflow (bids and awards later). Framework-free. */
export * from './listing-workflow';
