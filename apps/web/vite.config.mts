import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type ProxyOptions } from 'vite';

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

export default defineConfig({
  root: webRoot,
  publicDir: resolve(webRoot, 'public'),
  plugins: [react()],
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
            { name: 'vendor', test: /[\\/]node_modules[\\/]/, priority: 1 },
          ],
        },
      },
    },
  },
  server: { port: 5173, proxy },
  preview: { port: 4173, proxy },
});
