import type { CodegenConfig } from '@graphql-codegen/cli';

// Run from the repository root: `npm run codegen`
// (= `graphql-codegen --config apps/web/codegen.ts`).
// The output in apps/web/src/generated/ is committed; CI regenerates it and diffs,
// so keep this configuration free of anything time- or machine-dependent.
const config: CodegenConfig = {
  overwrite: true,
  schema: 'apps/api/src/schema.gql',
  documents: ['apps/web/src/**/*.{ts,tsx}', '!apps/web/src/generated/**'],
  ignoreNoDocuments: false,
  generates: {
    'apps/web/src/generated/': {
      preset: 'client',
      presetConfig: {
        gqlTagName: 'graphql',
        fragmentMasking: false,
      },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        strictScalars: true,
        scalars: { DateTime: 'string' },
        skipTypename: false,
      },
    },
  },
};

export default config;
