import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { bootTestApp, signUpOrganization, type TestApp } from '@aimatch/api-testing';
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { text } from 'node:stream/consumers';
import S3rver from 's3rver';
import { FilesService } from '../files.service';
import { storageKeyOf } from '../storage/file-storage';
import { s3ClientConfig, S3FileStorage } from '../storage/s3-file-storage';
import { multipartBody, samples } from './sample-files';

const BUCKET = 'aimatch-files';

/**
 * The S3-compatible adapter against s3rver, an S3 server that runs in this process (real S3 is
 * not reachable here): the adapter itself, then the app configured with S3_* end to end.
 */
describe('S3 file storage (S3 stand-in: s3rver)', () => {
  let server: S3rver;
  let settings: Parameters<typeof s3ClientConfig>[0];

  beforeAll(async () => {
    server = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: mkdtempSync(join(tmpdir(), 'aimatch-s3rver-')) });
    const { port } = await server.run();
    settings = {
      S3_ENDPOINT: `http://127.0.0.1:${port}`,
      S3_BUCKET: BUCKET,
      S3_REGION: 'us-east-1',
      S3_ACCESS_KEY_ID: 'S3RVER',
      S3_SECRET_ACCESS_KEY: 'S3RVER',
      S3_FORCE_PATH_STYLE: true,
    };
    const client = new S3Client(s3ClientConfig(settings));
    await client.send(new CreateBucketCommand({ Bucket: BUCKET }));
    client.destroy();
  });
  afterAll(async () => {
    await server?.close();
  });

  it('stores a spooled file (and removes the spool), reads it back, tells whether it exists, deletes it idempotently', async () => {
    const storage = S3FileStorage.fromSettings(settings);
    try {
      const key = storageKeyOf(randomUUID());
      const spool = join(mkdtempSync(join(tmpdir(), 'aimatch-spool-')), 'upload.part');
      writeFileSync(spool, '%PDF-1.4 hello');
      await storage.store(key, spool, { size: 14, contentType: 'application/pdf' });
      expect(existsSync(spool)).toBe(false);
      expect(await storage.exists(key)).toBe(true);
      expect(await text(await storage.open(key))).toBe('%PDF-1.4 hello');
      await storage.delete(key);
      expect(await storage.exists(key)).toBe(false);
      await expect(storage.delete(key)).resolves.toBeUndefined();
      await expect(storage.open(key)).rejects.toThrow();
    } finally {
      storage.destroy();
    }
  });

  describe('the app with S3_BUCKET set', () => {
    let t: TestApp;
    const filesDir = mkdtempSync(join(tmpdir(), 'aimatch-files-s3-'));

    beforeAll(async () => {
      const env = Object.fromEntries(Object.entries(settings).map(([k, v]) => [k, String(v)]));
      t = await bootTestApp({ env: { ...env, FILES_DIR: filesDir } });
    });
    afterAll(async () => {
      await t?.close();
    });

    it('uploads into the bucket (nothing stays on the local disk), downloads through a signed link, and the sweep deletes the object', async () => {
      const user = await signUpOrganization(t);
      const bytes = samples.hwp();
      const { payload, contentType } = multipartBody('공문.hwp', bytes);
      const res = await t.app.inject({
        method: 'POST',
        url: '/files?kind=document',
        headers: { 'content-type': contentType, authorization: `Bearer ${user.accessToken}` },
        payload,
      });
      expect(res.statusCode).toBe(201);
      const uploaded = res.json<{ id: string; sha256: string; contentType: string }>();
      expect(uploaded).toMatchObject({ contentType: 'application/x-hwp', sha256: createHash('sha256').update(bytes).digest('hex') });
      const files = t.app.get(FilesService);
      expect(await files.hasBytes(uploaded.id)).toBe(true);
      expect(readdirSync(filesDir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile())).toEqual([]);

      const url = await files.downloadUrl({ userId: user.userId, roles: [], locale: 'KO' as never, sessionId: randomUUID() }, uploaded.id);
      const download = await t.app.inject({ method: 'GET', url });
      expect(download.statusCode).toBe(200);
      expect(download.rawPayload.equals(bytes)).toBe(true);
      expect(download.headers['content-type']).toBe('application/x-hwp');

      const ds = t.app.get((await import('typeorm')).DataSource);
      await ds.query(`UPDATE files SET uploaded_at = now() - interval '2 days' WHERE id = $1`, [uploaded.id]);
      expect(await files.sweep()).toMatchObject({ removed: 1, failed: 0 });
      expect(await files.hasBytes(uploaded.id)).toBe(false);
    });
  });
});
