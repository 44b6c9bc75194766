/**
 * Explainable matching of demands and supplier listings: profiles, concept inference from text,
 * hierarchy-aware features, hard constraints, reasons in Korean and English, and the
 * benchmark's ranking metrics. Framework-free; weights live in `weights.ts`.
 */
export * from './profiles';
export * from './weights';
export * from './analysis';
export * from './hierarchy';
export * from './matcher';
export * from './reasons';
export * from './tiers';
export * from './text-relevance';
export * from './corpus';
export * from './zones';
export * from './metrics';
