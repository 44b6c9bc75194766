export * from './fingerprint';
export * from './text-rules';
export * from './precheck';
