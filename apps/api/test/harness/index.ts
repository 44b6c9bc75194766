/** Test support: template databases on the run's embedded PostgreSQL, the booted app, factories. */
export * from './template-database';
export * from './test-app';
export * from './factories';
export * from './listing-factories';
export * from './mail';
