/**
 * Five projects: libs (pure unit), web (the web client's logic under jsdom), api (integration on
 * embedded PostgreSQL, a fresh database per test file cloned from a migrated template), e2e (the
 * booted app over HTTP and socket.io), browser (playwright-core driving Debian's chromium against
 * the built web client).
 * Run through `npm test` (scripts/test.mjs), which adds the node flags ESM jest needs.
 */
const transform = { '^.+\\.tsx?$': ['ts-jest', { useESM: true, tsconfig: '<rootDir>/tsconfig.jest.json', diagnostics: false }] };
const common = {
  rootDir: '.',
  extensionsToTreatAsEsm: ['.ts'],
  transform,
  moduleNameMapper: {
    '^@aimatch/(contracts|validation|capability-model|marketplace|korean-text|search|matching|programs)$': '<rootDir>/libs/$1/src/index.ts',
    '^@aimatch/api-testing$': '<rootDir>/apps/api/test/harness/index.ts',
    '^@aimatch/search/contract$': '<rootDir>/libs/search/src/contract/search-index.contract.ts',
    // Its "import" build is ESM in .js files without "type": "module"; jest can load the CommonJS one.
    '^@aas-core-works/aas-core3.0-typescript$': '<rootDir>/node_modules/@aas-core-works/aas-core3.0-typescript/dist/lib/cjs/index.js',
  },
  testEnvironment: 'node',
};

/** The web client's unit tests: its tsx with its own compiler options and aliases, in jsdom. */
const web = {
  rootDir: '.',
  displayName: 'web',
  testEnvironment: 'jsdom',
  extensionsToTreatAsEsm: ['.ts', '.tsx'],
  transform: { '^.+\\.tsx?$': ['ts-jest', { useESM: true, tsconfig: '<rootDir>/apps/web/tsconfig.jest.json', diagnostics: false }] },
  moduleNameMapper: {
    '^@/(.*)$': '<rootDir>/apps/web/src/$1',
    '^@aimatch/contracts$': '<rootDir>/libs/contracts/src/index.ts',
  },
  testMatch: ['<rootDir>/apps/web/src/**/__tests__/**/*.test.{ts,tsx}'],
};

export default {
  testTimeout: 60_000,
  // Test files run in a worker process that is replaced once it holds more than this after a
  // file: ESM module registries are never freed, so one long-lived process grew with every
  // file (past 4 GiB on the full suite). On 2 cores that is one worker, files one after another.
  workerIdleMemoryLimit: '2GB',
  globalSetup: '<rootDir>/test/setup/global-setup.ts',
  globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
  projects: [
    { ...common, displayName: 'libs', testMatch: ['<rootDir>/libs/**/__tests__/**/*.test.ts'] },
    web,
    { ...common, displayName: 'api', testMatch: ['<rootDir>/apps/api/src/**/__tests__/**/*.test.ts'] },
    { ...common, displayName: 'e2e', testMatch: ['<rootDir>/test/e2e/**/*.test.ts'] },
    { ...common, displayName: 'browser', testMatch: ['<rootDir>/test/browser/**/*.test.ts'] },
  ],
};
