import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { bootTestApp, createDemand, publish, signInStaff, signUpOrganization, type SignedUp, type TestApp } from '@aimatch/api-testing';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AppError } from '../../../common/errors/app-error';
import type { Viewer } from '../../../graphql/request-context';
import { multipartBody, samples } from '../../files/__tests__/sample-files';
import { ChatService } from '../chat.service';

const MESSAGES = `query($c: ID!) { messages(conversationId: $c, first: 50) { edges { node { id body files { id name contentType downloadUrl } } } } }`;
const LINK = 'query($id: ID!) { storedFile(id: $id) { id downloadUrl } }';

/** #14 (4): files in a conversation: sent with a message (its text may be empty), for participants only. */
describe('files in chat', () => {
  let t: TestApp;
  let chat: ChatService;
  let ds: DataSource;
  let sme: SignedUp;
  let supplier: SignedUp;
  let colleague: SignedUp; // a member of the supplier's organization
  let stranger: SignedUp;
  let staff: string;
  let conversationId: string;

  const viewerOf = (u: { userId: string }): Viewer => ({ userId: u.userId, roles: [], locale: 'KO' as never, sessionId: 'test' });
  const upload = async (who: SignedUp, name: string, bytes: Buffer) => {
    const { payload, contentType } = multipartBody(name, bytes);
    const res = await t.app.inject({
      method: 'POST',
      url: '/files?kind=document',
      headers: { 'content-type': contentType, authorization: `Bearer ${who.accessToken}` },
      payload,
    });
    expect(res.statusCode).toBe(201);
    return res.json<{ id: string }>().id;
  };
  const send = (u: SignedUp, body: string, fileIds?: string[]) =>
    chat.send(viewerOf(u), { conversationId, clientMessageId: randomUUID(), body, ...(fileIds ? { fileIds } : {}) });
  const link = async (fileId: string, token?: string) => {
    const res = await t.gql(LINK, { id: fileId }, { token });
    return res.errors?.[0]?.extensions.code ?? (res.data!.storedFile.downloadUrl ? 'link' : 'no-link');
  };
  const errorOf = async (p: Promise<unknown>): Promise<AppError> => {
    try {
      await p;
    } catch (err) {
      if (err instanceof AppError) return err;
      throw err;
    }
    throw new Error('expected an AppError');
  };

  beforeAll(async () => {
    t = await bootTestApp();
    chat = t.app.get(ChatService);
    ds = t.app.get(DataSource);
    sme = await signUpOrganization(t, { kind: 'SME' as never });
    supplier = await signUpOrganization(t, { kind: 'AI_SUPPLIER' as never });
    colleague = await signUpOrganization(t, { kind: 'AI_SUPPLIER' as never });
    stranger = await signUpOrganization(t, { kind: 'AI_SUPPLIER' as never });
    await ds.query(`INSERT INTO memberships (user_id, organization_id, role) VALUES ($1, $2, 'MEMBER')`, [
      colleague.userId,
      supplier.organizationId,
    ]);
    staff = (await signInStaff(t)).accessToken;
    const demand = await publish(t, await createDemand(t, sme), sme.accessToken, staff);
    const opened = await t.gql(
      'mutation($i: OpenConversationInput!) { openConversation(input: $i) { id } }',
      {
        i: { contextType: 'DEMAND', contextId: demand.id },
      },
      { token: supplier.accessToken },
    );
    conversationId = opened.data!.openConversation.id;
  });
  afterAll(() => t.close());

  it('a question with a PDF and no text: stored with its file, carried by the payload, sync and GraphQL; the other side opens it', async () => {
    const pdf = await upload(supplier, '질문 자료.pdf', samples.pdf());
    const { message } = await send(supplier, '', [pdf]);
    expect(message.files).toEqual([{ id: pdf, name: '질문 자료.pdf', size: samples.pdf().length, contentType: 'application/pdf' }]);

    const synced = await chat.sync(viewerOf(sme), { conversationId, afterSeq: 0 });
    expect(synced.messages.find((m) => m.id === message.id)?.files).toEqual(message.files);

    const page = await t.gql(MESSAGES, { c: conversationId }, { token: sme.accessToken });
    const node = page.data!.messages.edges.find((e: { node: { id: string } }) => e.node.id === message.id).node;
    expect(node.body).toBe('');
    expect(node.files).toEqual([
      { id: pdf, name: '질문 자료.pdf', contentType: 'application/pdf', downloadUrl: expect.stringMatching(/^\/files\//) },
    ]);
    const res = await t.app.inject({ method: 'GET', url: node.files[0].downloadUrl });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/^inline;/);
  });

  it('participants only: not a stranger, not staff, not anonymous; a removed member loses access', async () => {
    const image = await upload(supplier, '현장.png', samples.png());
    await send(supplier, '현장 사진입니다', [image]);
    expect(await link(image, sme.accessToken)).toBe('link');
    expect(await link(image, colleague.accessToken)).toBe('link');
    expect(await link(image, stranger.accessToken)).toBe('FORBIDDEN');
    expect(await link(image, staff)).toBe('FORBIDDEN');
    expect(await link(image, undefined)).toBe('UNAUTHENTICATED');
    await ds.query(`DELETE FROM memberships WHERE user_id = $1 AND organization_id = $2`, [colleague.userId, supplier.organizationId]);
    expect(await link(image, colleague.accessToken)).toBe('FORBIDDEN');
  });

  it('gives a thread’s file links in one request, leaving out what the viewer may not download', async () => {
    const a = await upload(supplier, '도면.pdf', samples.pdf());
    const b = await upload(supplier, '사진.png', samples.png());
    await send(supplier, '자료 두 개', [a, b]);
    const query = 'query($ids: [ID!]!) { storedFiles(ids: $ids) { id downloadUrl } }';
    const mine = await t.gql(query, { ids: [b, a, randomUUID(), 'not-an-id'] }, { token: sme.accessToken });
    expect(mine.data!.storedFiles.map((f: { id: string }) => f.id)).toEqual([b, a]);
    expect(mine.data!.storedFiles.every((f: { downloadUrl: string | null }) => f.downloadUrl?.startsWith('/files/'))).toBe(true);
    const theirs = await t.gql(query, { ids: [a, b] }, { token: stranger.accessToken });
    expect(theirs.data!.storedFiles).toEqual([]);
    const tooMany = await t.gql(query, { ids: Array.from({ length: 101 }, () => randomUUID()) }, { token: sme.accessToken });
    expect(tooMany.errors?.[0].extensions.fields).toEqual([expect.objectContaining({ path: 'ids', rule: 'max-items' })]);
  });

  it("refuses someone else's staged upload and a file attached elsewhere, and then sends nothing", async () => {
    const theirs = await upload(sme, '남의 파일.pdf', samples.pdf());
    const before = (await ds.query('SELECT last_seq FROM conversations WHERE id = $1', [conversationId]))[0].last_seq;
    expect((await errorOf(send(supplier, '첨부', [theirs]))).code).toBe('FORBIDDEN');
    const mine = await upload(supplier, 'a.pdf', samples.pdf());
    await send(supplier, '한 번', [mine]);
    const after = (await ds.query('SELECT last_seq FROM conversations WHERE id = $1', [conversationId]))[0].last_seq;
    expect((await errorOf(send(supplier, '두 번', [mine]))).code).toBe('CONFLICT');
    expect((await ds.query('SELECT last_seq FROM conversations WHERE id = $1', [conversationId]))[0].last_seq).toBe(after);
    expect(Number(after)).toBe(Number(before) + 1); // the refused message took no sequence number
  });

  it('a message needs text or files; at most 5 files; a deleted message takes its files with it', async () => {
    const empty = await errorOf(send(supplier, '  '));
    expect(empty.violations).toEqual([expect.objectContaining({ path: 'body', rule: 'required' })]);
    const six = Array.from({ length: 6 }, () => randomUUID());
    expect((await errorOf(send(supplier, '', six))).violations).toEqual([expect.objectContaining({ path: 'fileIds', rule: 'max-items' })]);

    const doc = await upload(supplier, '견적.hwp', samples.hwp());
    const { message } = await send(supplier, '견적서 보냅니다', [doc]);
    await chat.remove(viewerOf(supplier), message.id);
    expect(await link(doc, sme.accessToken)).toBe('NOT_FOUND');
    const page = await t.gql(MESSAGES, { c: conversationId }, { token: sme.accessToken });
    expect(page.data!.messages.edges.find((e: { node: { id: string } }) => e.node.id === message.id).node.files).toEqual([]);
  });
});
