import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { bootTestApp, type TestApp } from '@aimatch/api-testing';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A GET with exactly the given Accept-Encoding (fetch would add its own and decode the body). */
function get(url: string, acceptEncoding?: string): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

/** How the api serves the web client's build: hashed assets cached for good, index.html revalidated, precompressed variants. */
describe('web client files', () => {
  let t: TestApp;
  let webDir: string;
  const script = `console.log(${JSON.stringify('aimatch '.repeat(400))});\n`;
  const html = `<!doctype html><html><head><script type="module" src="/assets/index-AbC123xy.js"></script></head><body>${'<!-- x -->'.repeat(200)}</body></html>`;

  beforeAll(async () => {
    // A build as vite.config.mts writes it (hashed names under assets/, .br and .gz beside each file).
    webDir = mkdtempSync(join(tmpdir(), 'aimatch-web-'));
    mkdirSync(join(webDir, 'assets'));
    for (const [name, text] of [
      ['index.html', html],
      ['assets/index-AbC123xy.js', script],
    ] as const) {
      writeFileSync(join(webDir, name), text);
      writeFileSync(join(webDir, `${name}.br`), brotliCompressSync(text));
      writeFileSync(join(webDir, `${name}.gz`), gzipSync(text));
    }
    t = await bootTestApp({ listen: true, env: { WEB_DIST_DIR: webDir } });
  });
  afterAll(async () => {
    await t.close();
    rmSync(webDir, { recursive: true, force: true });
  });

  it('caches a hashed asset for a year, immutable, and serves brotli when accepted', async () => {
    const res = await get(`${t.url}/assets/index-AbC123xy.js`, 'gzip, deflate, br');
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(String(res.headers.vary)).toMatch(/accept-encoding/i);
    expect(brotliDecompressSync(res.body).toString()).toBe(script);
  });

  it('serves gzip when only gzip is accepted, and the file itself when nothing is', async () => {
    const gz = await get(`${t.url}/assets/index-AbC123xy.js`, 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString()).toBe(script);
    expect(String(gz.headers.vary)).toMatch(/accept-encoding/i);

    for (const accept of [undefined, 'identity']) {
      const plain = await get(`${t.url}/assets/index-AbC123xy.js`, accept);
      expect(plain.status).toBe(200);
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.body.toString()).toBe(script);
      expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    }
  });

  it('revalidates index.html, at / and at a client-side route, compressed too', async () => {
    for (const path of ['/', '/demands', '/listings/123']) {
      const res = await get(`${t.url}${path}`, 'br, gzip');
      expect(res.status).toBe(200);
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.headers['content-type']).toMatch(/text\/html/);
      expect(res.headers['content-encoding']).toBe('br');
      expect(brotliDecompressSync(res.body).toString()).toBe(html);
    }
  });

  it('answers 404 for a missing asset instead of the single-page app, and does not expose the variants as files', async () => {
    for (const path of ['/assets/index-gone0000.js', '/assets/gone', '/assets/index-AbC123xy.js.br', '/index.html.gz']) {
      const res = await get(`${t.url}${path}`, 'br, gzip');
      expect(res.status).toBe(404);
      expect(res.headers['content-type'] ?? '').not.toMatch(/text\/html/);
    }
  });
});
