import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlib, gzip } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin, type ProxyOptions } from 'vite';

// apps/web is the Vite root; the bundle goes to <repo>/dist/web, which the API
// serves on the same origin (GraphQL at /graphql, SPA fallback to index.html).
const webRoot = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = resolve(webRoot, '../..');
const apiTarget = process.env.AIMATCH_API_URL ?? 'http://localhost:3000';

const proxy: Record<string, ProxyOptions> = {
  '/graphql': { target: apiTarget, changeOrigin: true },
  '/socket.io': { target: apiTarget, changeOrigin: true, ws: true },
  '/health': { target: apiTarget, changeOrigin: true },
  '/files': { target: apiTarget, changeOrigin: true },
};

/**
 * Writes `<file>.br` and `<file>.gz` beside every text file of the build (the api's @fastify/static sends the one
 * the browser accepts: `preCompressed`). Source maps are left as they are (only developers fetch them); files under
 * 1 KiB and files that would not shrink get no compressed copy.
 */
function precompress(): Plugin {
  const brotli = promisify(brotliCompress);
  const gz = promisify(gzip);
  let outDir = '';
  return {
    name: 'aimatch:precompress',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    async closeBundle() {
      const entries = await readdir(outDir, { recursive: true, withFileTypes: true });
      const files = entries.filter((e) => e.isFile() && /\.(js|mjs|css|html|svg|json|txt)$/.test(e.name));
      await Promise.all(
        files.map(async (entry) => {
          const path = join(entry.parentPath, entry.name);
          const body = await readFile(path);
          if (body.length < 1024) return;
          const [br, gzipped] = await Promise.all([
            brotli(body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: body.length } }),
            gz(body, { level: 9 }),
          ]);
          if (br.length < body.length) await writeFile(`${path}.br`, br);
          if (gzipped.length < body.length) await writeFile(`${path}.gz`, gzipped);
        }),
      );
    },
  };
}

/**
 * What graphql-codegen's client preset recommends its babel plugin for (see the note atop generated/gql.ts): every
 * `graphql(\`query Name …\`)` is replaced by that document itself (`NameDocument`, `NameFragmentDoc` for a fragment,
 * as generated/graphql.ts holds it), so neither the map of every operation (gql.ts) nor all documents in one module
 * (graphql.ts) are bundled: each document lands in the chunk of the route that uses it. Types are unchanged (the
 * call's type already is that document's type).
 */
function graphqlDocumentImports(): Plugin {
  const call = /\bgraphql\(\s*`([^`]*)`\s*\)/g;
  const definition = /^\s*(query|mutation|subscription|fragment)\s+([A-Za-z_][A-Za-z0-9_]*)/;
  const generated = resolve(webRoot, 'src/generated/graphql.ts');
  let documents = new Map<string, string>();
  return {
    name: 'aimatch:graphql-documents',
    enforce: 'pre',
    async buildStart() {
      this.addWatchFile(generated);
      const text = await readFile(generated, 'utf8');
      documents = new Map(
        [...text.matchAll(/^export const (\w+(?:Document|FragmentDoc)) = (\{.*\}) as unknown as DocumentNode<.*>;$/gm)].map((m) => [
          m[1],
          m[2],
        ]),
      );
    },
    transform(code, id) {
      if (!/[\\/]apps[\\/]web[\\/]src[\\/]/.test(id) || /[\\/]generated[\\/]/.test(id) || !code.includes('graphql(`')) return null;
      const out = code.replace(call, (whole, text: string) => {
        const found = definition.exec(text);
        const name = found && (found[1] === 'fragment' ? `${found[2]}FragmentDoc` : `${found[2]}Document`);
        const document = name && documents.get(name);
        if (!document) throw new Error(`${id}: no generated document for ${whole.slice(0, 80)}… (run npm run codegen)`);
        return `/* ${name} */ (${document})`;
      });
      // The `graphql` function itself is no longer called: dropping its import keeps gql.ts out of the bundle.
      return { code: out.replace(/^import \{ graphql \} from '@\/generated';$/m, ''), map: null };
    },
  };
}

export default defineConfig({
  root: webRoot,
  publicDir: resolve(webRoot, 'public'),
  plugins: [graphqlDocumentImports(), react(), precompress()],
  resolve: {
    // libs/contracts is the only library shared with the api (see tsconfig.json's paths).
    alias: { '@': resolve(webRoot, 'src'), '@aimatch/contracts': resolve(repoRoot, 'libs/contracts/src/index.ts') },
  },
  build: {
    outDir: resolve(repoRoot, 'dist/web'),
    emptyOutDir: true,
    sourcemap: true,
    rolldownOptions: {
      output: {
        // Libraries change less often than the app: separate chunks stay cached across releases.
        codeSplitting: {
          groups: [
            { name: 'react', test: /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 2 },
            // chart.js only for the lazy pages that draw charts (staff statistics), never on the first page.
            { name: 'charts', test: /[\\/]node_modules[\\/](chart\.js|@kurkle)[\\/]/, priority: 3 },
            { name: 'vendor', test: /[\\/]node_modules[\\/]/, priority: 1 },
          ],
        },
      },
    },
  },
  server: { port: 5173, proxy },
  preview: { port: 4173, proxy },
});
