/** The standard capability metadata: vocabulary, submodel templates, validation, AAS v3 JSON. Framework-free. */
export * from './submodels';
export * from './vocabulary';
export * from './templates';
export * from './languages';
export * from './validate';
export * from './aas';
export * from './aas-import';
export * from './concept-recognition';
export * from './standard-vocabulary';
