import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ChatClientToServerEvents, ChatMessagePayload, ChatServerToClientEvents } from '@aimatch/contracts';
import { bootTestApp, createDemand, publish, signInStaff, signUpOrganization, type SignedUp, type TestApp } from '@aimatch/api-testing';
import { randomUUID } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import { multipartBody, samples } from '../../apps/api/src/modules/files/__tests__/sample-files';

type ChatClient = Socket<ChatServerToClientEvents, ChatClientToServerEvents>;

/** #14 (4): a message with a file over real socket.io: the send event carries file ids, the other side's `message` the files. */
describe('chat files over socket.io', () => {
  let t: TestApp;
  let sme: SignedUp;
  let supplier: SignedUp;
  let conversationId: string;
  const sockets: ChatClient[] = [];

  const connect = (token: string): Promise<ChatClient> =>
    new Promise((resolve, reject) => {
      const s: ChatClient = io(`${t.url}/chat`, { auth: { token }, transports: ['websocket'], reconnection: false, forceNew: true });
      sockets.push(s);
      s.once('connect', () => resolve(s));
      s.once('connect_error', reject);
    });
  const ack = <T>(s: ChatClient, event: string, payload: unknown): Promise<T> =>
    (s.timeout(5000) as unknown as { emitWithAck(e: string, ...a: unknown[]): Promise<T> }).emitWithAck(event, payload);

  beforeAll(async () => {
    t = await bootTestApp({ listen: true });
    sme = await signUpOrganization(t, { kind: 'SME' as never });
    supplier = await signUpOrganization(t, { kind: 'AI_SUPPLIER' as never });
    const staff = await signInStaff(t);
    const demand = await publish(t, await createDemand(t, sme), sme.accessToken, staff.accessToken);
    const res = await t.gql(
      'mutation($i: OpenConversationInput!) { openConversation(input: $i) { id } }',
      { i: { contextType: 'DEMAND', contextId: demand.id } },
      { token: supplier.accessToken },
    );
    conversationId = res.data!.openConversation.id;
  });
  afterAll(async () => {
    sockets.forEach((s) => s.close());
    await t?.close();
  });

  it('sends a PDF with no text; the other participant receives the file and gets a link for it', async () => {
    const { payload, contentType } = multipartBody('질문.pdf', samples.pdf());
    const uploaded = await fetch(`${t.url}/files?kind=document`, {
      method: 'POST',
      headers: { 'content-type': contentType, authorization: `Bearer ${supplier.accessToken}` },
      body: new Uint8Array(payload),
    });
    expect(uploaded.status).toBe(201);
    const file = (await uploaded.json()) as { id: string };

    const [a, b] = await Promise.all([connect(supplier.accessToken), connect(sme.accessToken)]);
    await ack(a, 'join', { conversationId });
    await ack(b, 'join', { conversationId });
    const atB = new Promise<ChatMessagePayload>((resolve) => b.once('message', resolve));
    const sent = await ack<{ id: string }>(a, 'send', { conversationId, clientMessageId: randomUUID(), body: '', fileIds: [file.id] });
    expect(sent.id).toEqual(expect.any(String));
    const received = await atB;
    expect(received).toMatchObject({ id: sent.id, body: '', files: [{ id: file.id, name: '질문.pdf', contentType: 'application/pdf' }] });

    const link = await t.gql('query($id: ID!) { storedFile(id: $id) { downloadUrl } }', { id: file.id }, { token: sme.accessToken });
    const res = await fetch(`${t.url}${link.data!.storedFile.downloadUrl}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');

    // A file already sent with a message cannot be sent with another: refused in the ack.
    const refused = await ack<{ error?: { code: string } }>(a, 'send', {
      conversationId,
      clientMessageId: randomUUID(),
      body: '다시',
      fileIds: [file.id],
    });
    expect(refused.error?.code).toBe('CONFLICT');
  });
});
