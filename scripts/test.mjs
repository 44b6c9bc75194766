// `npm test`: static checks, then every jest project; ends with one line "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';

const run = (cmd, args, opts = {}) => {
  console.log(`\n$ ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
  return r.status ?? 1;
};

/** What Prettier and ESLint check (package.json's format and lint scripts use the same lists). */
const PRETTIER_GLOBS = ['{apps,libs,test,scripts}/**/*.{ts,tsx,mts,mjs,css}', '*.{mjs,json}'];
const LINT_PATHS = ['apps', 'libs', 'test', 'scripts', 'eslint.config.mjs', 'jest.config.mjs'];

/** Fails when apps/web/src/generated differs from what codegen makes of the committed schema.gql. */
function generatedClientIsFresh() {
  const dir = 'apps/web/src/generated';
  const snapshot = () =>
    existsSync(dir)
      ? Object.fromEntries(
          readdirSync(dir)
            .sort()
            .map((f) => [f, readFileSync(`${dir}/${f}`, 'utf8')]),
        )
      : {};
  const before = JSON.stringify(snapshot());
  if (run('npx', ['graphql-codegen', '--config', 'apps/web/codegen.ts', '--silent']) !== 0) return 1;
  if (JSON.stringify(snapshot()) !== before) {
    console.error('apps/web/src/generated was stale: run `npm run codegen` and commit the result.');
    return 1;
  }
  return 0;
}

const steps = [
  ['format (prettier --check)', 'npx', ['prettier', '--check', '--log-level', 'warn', ...PRETTIER_GLOBS]],
  ['lint (eslint)', 'npx', ['eslint', '--max-warnings', '0', ...LINT_PATHS]],
  ['dependency rules (npm run deps:check)', 'npm', ['run', '-s', 'deps:check']],
  ['generated web client types', generatedClientIsFresh],
  ['typecheck', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']],
  ['typecheck web', 'npx', ['tsc', '-p', 'apps/web/tsconfig.json', '--noEmit']],
  ['typecheck web tooling', 'npx', ['tsc', '-p', 'apps/web/tsconfig.node.json', '--noEmit']],
  ['build web', 'npx', ['vite', 'build', '--config', 'apps/web/vite.config.mts', '--logLevel', 'warn']],
  // test/e2e/outbox-two-processes.e2e.test.ts runs the production build in two processes.
  ['build api', 'npx', ['nest', 'build', 'api']],
];
for (const [name, cmd, args] of steps) {
  if ((typeof cmd === 'function' ? cmd() : run(cmd, args)) !== 0) {
    console.error(`\n${name} failed`);
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
}

mkdirSync('.test-results', { recursive: true });
// Each jest worker inherits these flags; jest.config's workerIdleMemoryLimit replaces a worker
// whose heap has grown past 2 GB, and the headroom above that is for the largest single file.
const jestArgs = [
  '--max-old-space-size=8192',
  '--experimental-vm-modules',
  '--no-warnings=ExperimentalWarning',
  'node_modules/jest/bin/jest.js',
  '--json',
  '--outputFile=.test-results/jest.json',
  ...process.argv.slice(2),
];
const status = run(process.execPath, jestArgs);
let passed = 0;
let skipped = 0;
let failed = status === 0 ? 0 : 1;
if (existsSync('.test-results/jest.json')) {
  const summary = JSON.parse(readFileSync('.test-results/jest.json', 'utf8'));
  passed = summary.numPassedTests;
  skipped = summary.numPendingTests + summary.numTodoTests;
  failed = summary.numFailedTests + summary.numRuntimeErrorTestSuites;
  if (status !== 0 && failed === 0) failed = 1;
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(status === 0 && failed === 0 ? 0 : 1);
