import { FileKind } from '@aimatch/contracts';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { bootTestApp, signUpOrganization, type SignedUp, type TestApp } from '@aimatch/api-testing';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { Clock } from '../../../common/clock';
import { JobScheduler } from '../../../common/scheduling/job-scheduler.service';
import { TransactionService } from '../../../database/transaction.service';
import type { Viewer } from '../../../graphql/request-context';
import { FILES_SWEEP_JOB } from '../files.jobs';
import { FilesService } from '../files.service';
import { multipartBody, samples } from './sample-files';

const OWNER = 'test-dossier';
const EVIDENCE_LIMIT = 64 * 1024;

interface Body {
  id: string;
  name: string;
  size: number;
  contentType: string;
  sha256: string;
  errors?: Array<{ message: string; extensions: { code: string; fields?: Array<{ path: string; rule: string; message: string }> } }>;
}

/** Uploads, attachment, downloads and the sweep through the real app (HTTP routes by inject, the local adapter). */
describe('files', () => {
  let t: TestApp;
  let files: FilesService;
  let ds: DataSource;
  let alice: SignedUp;
  let bob: SignedUp;
  const filesDir = mkdtempSync(join(tmpdir(), 'aimatch-files-test-'));
  /** Who may see each test dossier (the owner module's rule). */
  const dossierViewers = new Map<string, Set<string>>();

  beforeAll(async () => {
    t = await bootTestApp({ env: { FILES_DIR: filesDir, FILES_MAX_BYTES_EVIDENCE: String(EVIDENCE_LIMIT) } });
    files = t.app.get(FilesService);
    ds = t.app.get(DataSource);
    files.registerOwnerAccess(OWNER, async (viewer: Viewer, ownerId) => dossierViewers.get(ownerId)?.has(viewer.userId) ?? false, {
      kinds: [FileKind.EVIDENCE],
    });
    alice = await signUpOrganization(t);
    bob = await signUpOrganization(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  const upload = async (name: string, bytes: Buffer, options: { kind?: string; token?: string | null; locale?: string } = {}) => {
    const { payload, contentType } = multipartBody(name, bytes);
    const token = options.token === undefined ? alice.accessToken : options.token;
    const res = await t.app.inject({
      method: 'POST',
      url: `/files?kind=${options.kind ?? 'evidence'}`,
      headers: {
        'content-type': contentType,
        'accept-language': options.locale ?? 'ko',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      payload,
    });
    return { status: res.statusCode, body: res.json<Body>(), headers: res.headers };
  };
  const rowCount = async () => (await ds.query('SELECT count(*)::int AS n FROM files'))[0].n as number;
  const storedFiles = () =>
    readdirSync(filesDir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => e.name);
  const attach = (ids: string[], ownerId: string, actor: string) =>
    t.app.get(TransactionService).run((tx) => files.attach(tx, ids, { ownerType: OWNER, ownerId }, actor));
  const viewerOf = (u: SignedUp): Viewer => ({ userId: u.userId, roles: [], locale: 'KO' as Viewer['locale'], sessionId: randomUUID() });

  it.each([
    ['사업자등록증.pdf', 'pdf', 'application/pdf'],
    ['logo.png', 'png', 'image/png'],
    ['photo.jpg', 'jpeg', 'image/jpeg'],
    ['제안서.docx', 'docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['견적.xlsx', 'xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ['공문.hwpx', 'hwpx', 'application/hwp+zip'],
    ['공문.hwp', 'hwp', 'application/x-hwp'],
  ] as Array<[string, keyof typeof samples, string]>)(
    'stores %s as STAGED with its size, type by its bytes and SHA-256',
    async (name, sample, contentType) => {
      const bytes = samples[sample]();
      const res = await upload(name, bytes);
      expect(res.status).toBe(201);
      const { createHash } = await import('node:crypto');
      expect(res.body).toEqual({
        id: expect.any(String),
        name,
        size: bytes.length,
        contentType,
        sha256: createHash('sha256').update(bytes).digest('hex'),
      });
      const [row] = await ds.query('SELECT owner_type, uploaded_by, size::int AS size FROM files WHERE id = $1', [res.body.id]);
      expect(row).toEqual({ owner_type: null, uploaded_by: alice.userId, size: bytes.length });
      expect(await files.hasBytes(res.body.id)).toBe(true);
    },
  );

  it('keeps only the name, not the path (`../../x` → `x`)', async () => {
    const res = await upload('../../x', samples.pdf());
    expect(res.status).toBe(201);
    expect(res.body.name).toBe('x');
  });

  describe('refuses bad uploads with a typed error and stores nothing', () => {
    const refused = async (name: string, bytes: Buffer, options: Parameters<typeof upload>[2] = {}) => {
      const rowsBefore = await rowCount();
      const filesBefore = storedFiles().length;
      const res = await upload(name, bytes, options);
      expect(await rowCount()).toBe(rowsBefore);
      expect(storedFiles()).toHaveLength(filesBefore); // no bytes in storage, nothing left in the spool
      return res;
    };

    it('an .exe renamed .pdf', async () => {
      const res = await refused('invoice.pdf', samples.exe(), { locale: 'en' });
      expect(res.status).toBe(400);
      expect(res.body.errors![0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [{ path: 'file', rule: 'file-type', message: expect.stringContaining('exe') }],
      });
      expect(res.body.errors![0].message).toBe('This type of file is not allowed. Allowed: PDF, PNG, JPEG, HWP, HWPX, DOCX, XLSX');
    });

    it('over the kind’s size limit (413), while another kind keeps the default 20 MiB', async () => {
      const big = Buffer.concat([samples.pdf(), Buffer.alloc(EVIDENCE_LIMIT)]);
      const res = await refused('big.pdf', big);
      expect(res.status).toBe(413);
      expect(res.body.errors![0]).toMatchObject({
        message: '파일이 너무 큽니다(최대 0.06 MiB).',
        extensions: { code: 'BAD_USER_INPUT', fields: [{ path: 'file', rule: 'max-bytes' }] },
      });
      expect((await upload('big.pdf', big, { kind: 'document' })).status).toBe(201);
    });

    it('zero bytes', async () => {
      const res = await refused('empty.pdf', Buffer.alloc(0));
      expect(res.status).toBe(400);
      expect(res.body.errors![0].extensions.fields).toEqual([{ path: 'file', rule: 'not-empty', message: '빈 파일입니다.' }]);
    });

    it('an unknown kind, no file part, no sign-in', async () => {
      const rows = await rowCount();
      expect((await refused('a.pdf', samples.pdf(), { kind: 'selfie' })).body.errors![0].extensions.fields![0]).toMatchObject({
        path: 'kind',
        rule: 'enum',
      });
      const res = await refused('a.pdf', samples.pdf(), { token: null });
      expect(res.status).toBe(401);
      expect(res.body.errors![0].extensions.code).toBe('UNAUTHENTICATED');
      const wrongPart = multipartBody('a.pdf', samples.pdf(), 'other');
      const noPart = await t.app.inject({
        method: 'POST',
        url: '/files?kind=evidence',
        headers: { authorization: `Bearer ${alice.accessToken}`, 'content-type': wrongPart.contentType },
        payload: wrongPart.payload,
      });
      expect(noPart.statusCode).toBe(400);
      expect(noPart.json<Body>().errors![0].extensions.fields).toMatchObject([{ path: 'file', rule: 'required' }]);
      expect(await rowCount()).toBe(rows);
    });

    it('a body that is not multipart/form-data (raw bytes, JSON, text, none) in the house error format, not Fastify’s 415', async () => {
      const rows = await rowCount();
      const bodies: Array<[string | undefined, string | Buffer | undefined]> = [
        ['application/pdf', samples.pdf()],
        ['application/octet-stream', samples.pdf()],
        ['application/json', '{"file":"x"}'],
        ['text/plain', 'x'],
        [undefined, undefined],
      ];
      for (const [contentType, payload] of bodies) {
        const res = await t.app.inject({
          method: 'POST',
          url: '/files?kind=evidence',
          headers: { authorization: `Bearer ${alice.accessToken}`, ...(contentType ? { 'content-type': contentType } : {}) },
          ...(payload === undefined ? {} : { payload }),
        });
        expect([contentType, res.statusCode]).toEqual([contentType, 400]);
        const body = res.json<Body>();
        expect(body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'file', rule: 'required' }] });
      }
      // Unsigned, a raw body is refused as unauthenticated in the same format (the guard runs, not the parser).
      const anonymous = await t.app.inject({
        method: 'POST',
        url: '/files?kind=evidence',
        headers: { 'content-type': 'application/octet-stream' },
        payload: samples.pdf(),
      });
      expect(anonymous.statusCode).toBe(401);
      expect(anonymous.json<Body>().errors![0].extensions.code).toBe('UNAUTHENTICATED');
      // Other routes keep Fastify's own answer to a type nobody parses.
      const graphql = await t.app.inject({
        method: 'POST',
        url: '/graphql',
        headers: { 'content-type': 'application/octet-stream' },
        payload: 'x',
      });
      expect(graphql.statusCode).toBe(415);
      expect(await rowCount()).toBe(rows);
    });
  });

  describe('attach in the owner’s transaction', () => {
    it('makes the uploader’s staged files the owner’s, listed by filesOf and the loaders', async () => {
      const a = (await upload('a.pdf', samples.pdf())).body;
      const b = (await upload('b.png', samples.png())).body;
      const dossier = randomUUID();
      const attached = await attach([a.id, b.id], dossier, alice.userId);
      expect(attached.map((f) => f.id)).toEqual([a.id, b.id]);
      const byOwner = await files.filesOf(OWNER, [dossier, randomUUID()]);
      expect(byOwner.get(dossier)!.map((f) => f.name)).toEqual(['a.pdf', 'b.png']);
      // attaching again to the same owner is a no-op
      await expect(attach([a.id], dossier, alice.userId)).resolves.toHaveLength(1);
    });

    it('is rolled back with the owner’s transaction', async () => {
      const a = (await upload('a.pdf', samples.pdf())).body;
      await expect(
        t.app.get(TransactionService).run(async (tx) => {
          await files.attach(tx, [a.id], { ownerType: OWNER, ownerId: randomUUID() }, alice.userId);
          throw new Error('the owner failed');
        }),
      ).rejects.toThrow('the owner failed');
      const [row] = await ds.query('SELECT owner_type FROM files WHERE id = $1', [a.id]);
      expect(row.owner_type).toBeNull();
    });

    it('refuses unknown files, another user’s files, files attached elsewhere and the wrong kind', async () => {
      const mine = (await upload('mine.pdf', samples.pdf())).body;
      const codeOf = (p: Promise<unknown>) =>
        p.then(
          () => 'OK',
          (e: { code?: string }) => e.code,
        );
      expect(await codeOf(attach([randomUUID()], randomUUID(), alice.userId))).toBe('NOT_FOUND');
      expect(await codeOf(attach([mine.id], randomUUID(), bob.userId))).toBe('FORBIDDEN');
      await attach([mine.id], randomUUID(), alice.userId);
      expect(await codeOf(attach([mine.id], randomUUID(), alice.userId))).toBe('CONFLICT');
      const doc = (await upload('doc.pdf', samples.pdf(), { kind: 'document' })).body;
      expect(await codeOf(attach([doc.id], randomUUID(), alice.userId))).toBe('BAD_USER_INPUT');
    });
  });

  describe('downloads', () => {
    let fileId: string;
    let dossier: string;
    const bytes = samples.pdf();

    beforeAll(async () => {
      fileId = (await upload('사업자 등록증.pdf', bytes)).body.id;
      dossier = randomUUID();
      dossierViewers.set(dossier, new Set([alice.userId]));
      await attach([fileId], dossier, alice.userId);
    });

    it('streams the bytes behind a signed link with the stored type, nosniff and a sandboxing CSP; a PDF opens inline', async () => {
      const url = await files.downloadUrl(viewerOf(alice), fileId);
      expect(url).toMatch(new RegExp(`^/files/${fileId}\\?exp=\\d+&sig=[\\w-]+$`));
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode).toBe(200);
      expect(res.rawPayload.equals(bytes)).toBe(true);
      expect(res.headers).toMatchObject({
        'content-type': 'application/pdf',
        'x-content-type-options': 'nosniff',
        'content-disposition': `inline; filename="___ ___.pdf"; filename*=UTF-8''${encodeURIComponent('사업자 등록증.pdf')}`,
      });
      expect(res.headers['content-security-policy']).toContain("default-src 'none'");
      expect(res.headers['content-security-policy']).toContain('sandbox');
    });

    it('offers HWP (and every type a browser does not show itself) as an attachment under its Korean name', async () => {
      const hwp = (await upload('과업지시서.hwp', samples.hwp())).body.id;
      const owner = randomUUID();
      dossierViewers.set(owner, new Set([alice.userId]));
      await attach([hwp], owner, alice.userId);
      const res = await t.app.inject({ method: 'GET', url: await files.downloadUrl(viewerOf(alice), hwp) });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/x-hwp');
      expect(res.headers['content-disposition']).toBe(
        `attachment; filename="_____.hwp"; filename*=UTF-8''${encodeURIComponent('과업지시서.hwp')}`,
      );
    });

    it('gives no link to a user who may not see the owner object', async () => {
      await expect(files.downloadUrl(viewerOf(bob), fileId)).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(files.downloadUrl(viewerOf(bob), randomUUID())).rejects.toMatchObject({ code: 'NOT_FOUND' });
    });

    it('lets only the uploader download a staged file', async () => {
      const staged = (await upload('staged.png', samples.png())).body.id;
      await expect(files.downloadUrl(viewerOf(alice), staged)).resolves.toContain(staged);
      await expect(files.downloadUrl(viewerOf(bob), staged)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    });

    it('refuses forged and expired links', async () => {
      const url = await files.downloadUrl(viewerOf(alice), fileId);
      const forged = url.replace(/sig=./, (m) => (m.endsWith('A') ? 'sig=B' : 'sig=A'));
      const other = url.replace(/exp=(\d+)/, (_m, exp: string) => `exp=${Number(exp) + 86_400}`);
      for (const bad of [forged, other, `/files/${fileId}`]) {
        const res = await t.app.inject({ method: 'GET', url: bad });
        expect(res.statusCode).toBe(403);
        expect(res.json<Body>().errors![0].extensions.code).toBe('FORBIDDEN');
      }
      const clock = t.app.get(Clock);
      const realNow = clock.now.bind(clock);
      clock.now = () => new Date(realNow().getTime() + (t.config.FILES_LINK_TTL_SECONDS + 5) * 1000);
      try {
        const res = await t.app.inject({ method: 'GET', url, headers: { 'accept-language': 'en' } });
        expect(res.statusCode).toBe(403);
        expect(res.json<Body>().errors![0].message).toBe('The download link has expired or is invalid. Please try again.');
      } finally {
        clock.now = realNow;
      }
    });
  });

  describe('the sweep', () => {
    it('removes staged files past their time-to-live and detached files (bytes and rows), and keeps the rest', async () => {
      const stale = (await upload('stale.pdf', samples.pdf())).body.id;
      const fresh = (await upload('fresh.pdf', samples.pdf())).body.id;
      const kept = (await upload('kept.pdf', samples.pdf())).body.id;
      const gone = (await upload('gone.pdf', samples.pdf())).body.id;
      const keptOwner = randomUUID();
      const goneOwner = randomUUID();
      await attach([kept], keptOwner, alice.userId);
      await attach([gone], goneOwner, alice.userId);
      await t.app.get(TransactionService).run((tx) => files.detachAllOf(tx, OWNER, goneOwner));
      expect((await files.filesOf(OWNER, [goneOwner])).get(goneOwner)).toEqual([]);
      await ds.query(`UPDATE files SET uploaded_at = now() - interval '25 hours' WHERE id = $1`, [stale]);

      const outcome = await t.app.get(JobScheduler).runNow(FILES_SWEEP_JOB);
      expect(outcome).toMatchObject({ status: 'ran', result: { failed: 0 } });
      const left = (await ds.query('SELECT id FROM files WHERE id = ANY($1::uuid[])', [[stale, fresh, kept, gone]])).map(
        (r: { id: string }) => r.id,
      );
      expect(left.sort()).toEqual([fresh, kept].sort());
      expect(await files.hasBytes(stale)).toBe(false);
      expect(await files.hasBytes(gone)).toBe(false);
      expect(await files.hasBytes(kept)).toBe(true);
      await expect(attach([stale], randomUUID(), alice.userId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    });
  });

  it('counts uploads per user with the one rate limiter (`file-upload`)', async () => {
    const limited = await bootTestApp({ env: { FILES_DIR: filesDir, RATE_LIMIT_FILE_UPLOADS_PER_HOUR: '2' } });
    try {
      const carol = await signUpOrganization(limited);
      const send = async () => {
        const { payload, contentType } = multipartBody('a.pdf', samples.pdf());
        const res = await limited.app.inject({
          method: 'POST',
          url: '/files?kind=evidence',
          headers: { 'content-type': contentType, authorization: `Bearer ${carol.accessToken}` },
          payload,
        });
        return res;
      };
      expect((await send()).statusCode).toBe(201);
      expect((await send()).statusCode).toBe(201);
      const third = await send();
      expect(third.statusCode).toBe(429);
      expect(third.headers['retry-after']).toBeDefined();
      expect(third.json<Body>().errors![0].extensions.code).toBe('RATE_LIMITED');
    } finally {
      await limited.close();
    }
  });
});
