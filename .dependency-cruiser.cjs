/**
 * Where code may reach (`npm run deps:check`, part of `npm test`). The baseline is empty: every rule
 * holds for the whole tree, and a new violation fails the build. Fix the code, not this file.
 *
 * The api's feature modules (apps/api/src/modules/<m>) are private to themselves except for their
 * public surface: `<m>.module.ts` (for Nest's imports), `*.service.ts` (the commands and queries
 * other modules call), `*.policy.ts` (pure access rules), `*.loaders.ts` (DataLoader factories they
 * export) and `dto/` (the GraphQL types they own). Repositories, entities, gateways and resolvers are
 * never reached from outside their module: the owning module answers for its tables.
 * The web client's rules are in apps/web/.dependency-cruiser.cjs (run from apps/web, for its tsconfig).
 */
const MODULE_PUBLIC = '^apps/api/src/modules/[^/]+/([^/]+[.](module|service|policy|loaders)[.]ts$|dto/)';
const TESTS = '(^|/)(__tests__|test)/';
const COMPOSITION_ROOT = '^apps/api/src/database/data-source-options[.]ts$';

module.exports = {
  forbidden: [
    {
      name: 'no-circular-folders',
      severity: 'error',
      comment: 'Folders form a hierarchy: two folders that import each other are one feature or need a third.',
      scope: 'folder',
      from: {},
      to: { circular: true },
    },
    {
      name: 'libs-not-to-apps',
      severity: 'error',
      comment: 'libs/ is framework-free domain code shared by apps; it never reaches into an app.',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'libs-framework-free',
      severity: 'error',
      comment: 'libs/ imports nothing from Nest, TypeORM, pg or React: it runs and is tested alone.',
      from: { path: '^libs/' },
      to: { path: 'node_modules/(@nestjs/[^/]+|typeorm|pg|pg-[^/]+|react|react-dom|react-router|urql)/' },
    },
    {
      name: 'module-private',
      severity: 'error',
      comment:
        'A feature module reaches another only through its public surface (module, service, policy, loaders, dto); never its repository, entities or transport.',
      from: { path: '^apps/api/src/modules/([^/]+)/', pathNot: TESTS },
      to: { path: '^apps/api/src/modules/[^/]+/', pathNot: ['^apps/api/src/modules/$1/', MODULE_PUBLIC] },
    },
    {
      name: 'infrastructure-not-to-module-internals',
      severity: 'error',
      comment: 'Code outside the feature modules (seed, cli, realtime, graphql, common) uses their public surface too.',
      from: { path: '^apps/api/src/', pathNot: ['^apps/api/src/modules/', TESTS, COMPOSITION_ROOT] },
      to: { path: '^apps/api/src/modules/[^/]+/', pathNot: MODULE_PUBLIC },
    },
    {
      name: 'entities-only-to-the-data-source',
      severity: 'error',
      comment: 'The data source (the one composition root outside Nest) registers every entity; it needs nothing else of a module.',
      from: { path: COMPOSITION_ROOT },
      to: { path: '^apps/api/src/modules/[^/]+/', pathNot: '^apps/api/src/modules/[^/]+/entities/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // The product's code only: tests sit above everything they test (the api's harness boots the whole
    // app), so at folder level they would close every cycle. `.dependency-cruiser.tests.cjs` checks
    // the test code against the other rules.
    exclude: { path: ['(^|/)(dist|generated)/', TESTS] },
    tsPreCompilationDeps: true,
    combinedDependencies: false,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
      extensions: ['.ts', '.tsx', '.mts', '.js', '.mjs', '.json'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
