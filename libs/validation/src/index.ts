/** Input validation rules and their ko/en messages. Framework-free: used by the api, readable by the web. */
export * from './violation';
export * from './messages';
export * from './parse-input';
export * from './business-registration-number';
export * from './password-policy';
export * from './free-text';
