import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  bootTestApp,
  createDemand,
  createSupply,
  publish,
  signInStaff,
  signUpOrganization,
  type SignedUp,
  type TestApp,
} from '@aimatch/api-testing';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AppError } from '../../../common/errors/app-error';
import { TransactionService } from '../../../database/transaction.service';
import type { Viewer } from '../../../graphql/request-context';
import { ChatPublisher } from '../chat.publisher';
import { ChatService } from '../chat.service';

/** The chat's rules on the real database: who may talk, ordering, idempotency, limits, moderation. */
describe('chat service', () => {
  let t: TestApp;
  let chat: ChatService;
  let ds: DataSource;
  let sme: SignedUp;
  let supplier: SignedUp;
  let stranger: SignedUp;
  let staff: { accessToken: string; userId: string };
  let demandId: string;
  let supplyId: string;
  let conversationId: string;

  const viewerOf = (u: { userId: string }): Viewer => ({ userId: u.userId, roles: [], locale: 'KO' as never, sessionId: 'test' });
  const OPEN =
    'mutation($i: OpenConversationInput!) { openConversation(input: $i) { id contextType contextId lastSeq unreadCount participants { id } } }';
  const open = (token: string, i: Record<string, unknown>) => t.gql(OPEN, { i }, { token });
  const send = (u: { userId: string }, body: string, clientMessageId: string = randomUUID(), conv = conversationId) =>
    chat.send(viewerOf(u), { conversationId: conv, clientMessageId, body });
  const errorOf = async (p: Promise<unknown>): Promise<AppError> => {
    try {
      await p;
    } catch (err) {
      if (err instanceof AppError) return err;
      throw err;
    }
    throw new Error('expected an AppError');
  };
  /** A fresh conversation (its own demand) so tests do not share sequence numbers. */
  const freshConversation = async (): Promise<string> => {
    const demand = await publish(t, await createDemand(t, sme), sme.accessToken, staff.accessToken);
    const res = await open(supplier.accessToken, { contextType: 'DEMAND', contextId: demand.id });
    return res.data!.openConversation.id;
  };

  beforeAll(async () => {
    // the per-user limit has its own test (on its own app, with the default 20 per 10 s)
    t = await bootTestApp({ env: { CHAT_RATE_LIMIT_MESSAGES: '1000' } });
    chat = t.app.get(ChatService);
    ds = t.app.get(DataSource);
    sme = await signUpOrganization(t, { kind: 'SME' as never });
    supplier = await signUpOrganization(t, { kind: 'AI_SUPPLIER' as never });
    stranger = await signUpOrganization(t, { kind: 'AI_SUPPLIER' as never });
    staff = await signInStaff(t);
    demandId = (await publish(t, await createDemand(t, sme), sme.accessToken, staff.accessToken)).id;
    supplyId = (await publish(t, await createSupply(t, supplier), supplier.accessToken, staff.accessToken)).id;
  });
  afterAll(() => t.close());

  describe('opening conversations', () => {
    it('lets a supplier open pre-bid Q&A on a demand it sees, once per context and pair', async () => {
      const first = await open(supplier.accessToken, { contextType: 'DEMAND', contextId: demandId });
      expect(first.errors).toBeUndefined();
      conversationId = first.data!.openConversation.id;
      expect(first.data!.openConversation).toMatchObject({ contextType: 'DEMAND', contextId: demandId, lastSeq: 0, unreadCount: 0 });
      expect(first.data!.openConversation.participants.map((p: { id: string }) => p.id).sort()).toEqual(
        [sme.organizationId, supplier.organizationId].sort(),
      );
      // the same pair from the other side (the demand owner, from the matches page) is the same conversation
      const again = await open(supplier.accessToken, { contextType: 'DEMAND', contextId: demandId });
      const byOwner = await open(sme.accessToken, { contextType: 'DEMAND', contextId: demandId, supplyListingId: supplyId });
      const byOwnerOrg = await open(sme.accessToken, {
        contextType: 'DEMAND',
        contextId: demandId,
        partyOrganizationId: supplier.organizationId,
      });
      expect([again, byOwner, byOwnerOrg].map((r) => r.data?.openConversation.id)).toEqual([
        conversationId,
        conversationId,
        conversationId,
      ]);
      const [{ n }] = await ds.query('SELECT count(*)::int AS n FROM conversations WHERE context_id = $1', [demandId]);
      expect(n).toBe(1);
    });

    it('enforces one conversation per context and pair in the database too', async () => {
      const [low, high] = [sme.organizationId, supplier.organizationId].sort();
      await expect(
        ds.query(
          `INSERT INTO conversations (context_type, context_id, organization_low, organization_high) VALUES ('DEMAND', $1, $2, $3)`,
          [demandId, low, high],
        ),
      ).rejects.toThrow(/conversations_context_pair_key/);
    });

    it('refuses what the viewer may not open', async () => {
      const draft = await createDemand(t, sme);
      expect((await open(supplier.accessToken, { contextType: 'DEMAND', contextId: draft.id })).errors![0].extensions.code).toBe(
        'NOT_FOUND',
      );
      expect((await open(sme.accessToken, { contextType: 'DEMAND', contextId: demandId })).errors![0].extensions.fields![0]).toMatchObject({
        path: 'partyOrganizationId',
        rule: 'required',
      });
      expect(
        (await open(sme.accessToken, { contextType: 'DEMAND', contextId: demandId, partyOrganizationId: sme.organizationId })).errors![0]
          .extensions.code,
      ).toBe('BAD_USER_INPUT');
      // an SME is not a supplier: it cannot take the supplier side of a demand
      const otherSme = await signUpOrganization(t, { kind: 'SME' as never });
      expect((await open(otherSme.accessToken, { contextType: 'DEMAND', contextId: demandId })).errors![0].extensions.code).toBe(
        'FORBIDDEN',
      );
      // acting for someone else's organization
      expect(
        (await open(stranger.accessToken, { contextType: 'DEMAND', contextId: demandId, partyOrganizationId: supplier.organizationId }))
          .errors![0].extensions.code,
      ).toBe('FORBIDDEN');
      expect((await open(supplier.accessToken, { contextType: 'BID', contextId: demandId })).errors![0].extensions.code).toBe(
        'BAD_USER_INPUT',
      );
      expect(
        (await open(staff.accessToken, { contextType: 'DEMAND', contextId: demandId, supplyListingId: supplyId })).errors![0].extensions
          .code,
      ).toBe('FORBIDDEN');
    });

    it('opens a supply listing inquiry for an SME', async () => {
      const res = await open(sme.accessToken, { contextType: 'SUPPLY_INQUIRY', contextId: supplyId });
      expect(res.errors).toBeUndefined();
      expect(res.data!.openConversation.contextType).toBe('SUPPLY_INQUIRY');
      expect(
        (await open(supplier.accessToken, { contextType: 'SUPPLY_INQUIRY', contextId: supplyId })).errors![0].extensions.fields![0].rule,
      ).toBe('required');
    });
  });

  describe('messages', () => {
    it('is idempotent on clientMessageId: a retry is acked with the stored id and seq', async () => {
      const id = randomUUID();
      const a = await send(supplier, '안녕하세요, 데이터 샘플을 받을 수 있을까요?', id);
      const b = await send(supplier, '안녕하세요, 데이터 샘플을 받을 수 있을까요?', id);
      expect(a.duplicate).toBe(false);
      expect(b).toMatchObject({ duplicate: true, message: { id: a.message.id, seq: a.message.seq } });
      const [{ n }] = await ds.query('SELECT count(*)::int AS n FROM chat_messages WHERE client_message_id = $1', [id]);
      expect(n).toBe(1);
      // someone else reusing the id does not get the message
      expect((await errorOf(send(sme, '다른 내용', id))).code).toBe('CONFLICT');
    });

    it('numbers messages without gaps under concurrent sends, and stores concurrent retries once', async () => {
      const conv = await freshConversation();
      const results = await Promise.all(
        Array.from({ length: 40 }, (_, i) => send(i % 2 ? sme : supplier, `메시지 ${i}`, randomUUID(), conv)),
      );
      expect(results.map((r) => r.message.seq).sort((x, y) => x - y)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
      const retry = randomUUID();
      const retries = await Promise.all(
        Array.from({ length: 8 }, () => chat.send(viewerOf(supplier), { conversationId: conv, clientMessageId: retry, body: '재전송' })),
      );
      expect(new Set(retries.map((r) => r.message.id)).size).toBe(1);
      expect(retries.filter((r) => !r.duplicate)).toHaveLength(1);
      const rows = await ds.query('SELECT seq::int AS seq FROM chat_messages WHERE conversation_id = $1 ORDER BY seq', [conv]);
      expect(rows.map((r: { seq: number }) => r.seq)).toEqual(Array.from({ length: rows.length }, (_, i) => i + 1));
      const [{ last }] = await ds.query('SELECT last_seq::int AS last FROM conversations WHERE id = $1', [conv]);
      expect(last).toBe(rows.length);
      expect(rows.length).toBe(41);
    });

    it('accepts 1..4000 characters and rejects a blank or a 4,001-character body', async () => {
      const conv = await freshConversation();
      await expect(send(sme, 'a'.repeat(4000), randomUUID(), conv)).resolves.toBeDefined();
      await expect(send(sme, '😀'.repeat(4000), randomUUID(), conv)).resolves.toBeDefined(); // code points, as PostgreSQL counts
      const tooLong = await errorOf(send(sme, 'a'.repeat(4001), randomUUID(), conv));
      expect(tooLong.violations).toEqual([{ path: 'body', rule: 'max-length', params: { max: 4000 } }]);
      expect((await errorOf(send(sme, '   ', randomUUID(), conv))).violations[0]).toMatchObject({ path: 'body', rule: 'required' });
      expect((await errorOf(chat.send(viewerOf(sme), { conversationId: conv, clientMessageId: 'x', body: 5 }))).code).toBe(
        'BAD_USER_INPUT',
      );
      expect((await errorOf(chat.send(viewerOf(sme), 'not an object'))).code).toBe('BAD_USER_INPUT');
      const [{ n }] = await ds.query('SELECT count(*)::int AS n FROM chat_messages WHERE conversation_id = $1', [conv]);
      expect(n).toBe(2);
    });

    it('removes bidi overrides and zero-width characters from sent and edited bodies (the "txt.exe" spoof)', async () => {
      const conv = await freshConversation();
      const { message } = await send(sme, '견적서\u202Efdp.exe 확인\u200B 부탁드립니다 \u{1F469}\u200D\u{1F4BB}', randomUUID(), conv);
      expect(message.body).toBe('견적서fdp.exe 확인 부탁드립니다 \u{1F469}\u200D\u{1F4BB}');
      const edited = await chat.edit(viewerOf(sme), { messageId: message.id, body: '\u2066수정\u2069\uFEFF' });
      expect(edited.body).toBe('수정');
      const [{ body }] = await ds.query('SELECT body FROM chat_messages WHERE id = $1', [message.id]);
      expect(body).toBe('수정');
      expect((await errorOf(send(sme, '\u200B\u202E\u2060', randomUUID(), conv))).violations[0]).toMatchObject({
        path: 'body',
        rule: 'required',
      });
    });

    it('edits within 10 minutes only, and only one’s own message', async () => {
      const conv = await freshConversation();
      const { message } = await send(supplier, '초안', randomUUID(), conv);
      const edited = await chat.edit(viewerOf(supplier), { messageId: message.id, body: '수정본' });
      expect(edited).toMatchObject({ id: message.id, seq: message.seq, body: '수정본' });
      expect(edited.editedAt).toBeInstanceOf(Date);
      expect((await errorOf(chat.edit(viewerOf(sme), { messageId: message.id, body: '남의 것' }))).code).toBe('FORBIDDEN');
      await ds.query("UPDATE chat_messages SET created_at = now() - interval '11 minutes' WHERE id = $1", [message.id]);
      const late = await errorOf(chat.edit(viewerOf(supplier), { messageId: message.id, body: '늦은 수정' }));
      expect(late.code).toBe('CONFLICT');
      expect(late.messageParams).toEqual({ reason: 'EDIT_WINDOW_CLOSED' });
    });

    it('leaves a tombstone on delete: the seq stays, the body goes', async () => {
      const conv = await freshConversation();
      await send(supplier, '하나', randomUUID(), conv);
      const { message } = await send(supplier, '지울 메시지', randomUUID(), conv);
      await send(sme, '셋', randomUUID(), conv);
      const removed = await chat.remove(viewerOf(supplier), message.id);
      expect(removed).toMatchObject({ id: message.id, seq: 2, body: null });
      expect(removed.deletedAt).toBeInstanceOf(Date);
      expect((await chat.remove(viewerOf(supplier), message.id)).id).toBe(message.id); // idempotent
      expect((await errorOf(chat.edit(viewerOf(supplier), { messageId: message.id, body: '부활' }))).messageParams).toEqual({
        reason: 'MESSAGE_DELETED',
      });
      const page = await t.gql(
        'query($c: ID!) { messages(conversationId: $c) { edges { node { seq body deletedAt } } } }',
        { c: conv },
        { token: sme.accessToken },
      );
      expect(page.data!.messages.edges.map((e: { node: { seq: number; body: string | null } }) => [e.node.seq, e.node.body])).toEqual([
        [1, '하나'],
        [2, null],
        [3, '셋'],
      ]);
    });

    it('refuses a foreign or unknown conversation alike (FORBIDDEN, no existence leak)', async () => {
      const unknown = randomUUID();
      for (const conv of [conversationId, unknown]) {
        expect((await errorOf(send(stranger, '엿보기', randomUUID(), conv))).code).toBe('FORBIDDEN');
        expect((await errorOf(chat.join(viewerOf(stranger), conv))).code).toBe('FORBIDDEN');
        expect((await errorOf(chat.sync(viewerOf(stranger), { conversationId: conv, afterSeq: 0 }))).code).toBe('FORBIDDEN');
        const res = await t.gql(
          'query($c: ID!) { messages(conversationId: $c) { totalCount } }',
          { c: conv },
          { token: stranger.accessToken },
        );
        expect(res.errors![0].extensions.code).toBe('FORBIDDEN');
      }
      // staff are not participants either
      const res = await t.gql(
        'query($c: ID!) { messages(conversationId: $c) { totalCount } }',
        { c: conversationId },
        { token: staff.accessToken },
      );
      expect(res.errors![0].extensions.code).toBe('FORBIDDEN');
    });

    it('keeps organizations that are suspended from sending', async () => {
      const conv = await freshConversation();
      await ds.query(`UPDATE organizations SET verification_status = 'SUSPENDED' WHERE id = $1`, [supplier.organizationId]);
      try {
        const err = await errorOf(send(supplier, '정지 중', randomUUID(), conv));
        expect(err.code).toBe('FORBIDDEN');
        expect(err.messageParams).toEqual({ reason: 'ORGANIZATION_SUSPENDED' });
      } finally {
        await ds.query(`UPDATE organizations SET verification_status = 'UNVERIFIED' WHERE id = $1`, [supplier.organizationId]);
      }
    });

    it('posts system messages in the caller’s transaction, in sequence', async () => {
      const conv = await freshConversation();
      await send(sme, '질문 있습니다', randomUUID(), conv);
      const { message } = await t.app
        .get(TransactionService)
        .run((tx) => chat.postSystemMessage(tx, conv, 'BID_SUBMITTED', { bidId: randomUUID() }, '입찰서가 제출되었습니다.'));
      expect(message).toMatchObject({ seq: 2, kind: 'SYSTEM', systemEvent: 'BID_SUBMITTED', senderUserId: null });
    });
  });

  describe('sync, reads and unread counts', () => {
    it('returns bounded pages after a seq and refuses a negative or far-ahead afterSeq', async () => {
      const conv = await freshConversation();
      for (let i = 1; i <= 7; i++) await send(i % 2 ? supplier : sme, `#${i}`, randomUUID(), conv);
      const page1 = await chat.sync(viewerOf(sme), { conversationId: conv, afterSeq: 0, limit: 5 });
      expect(page1.messages.map((m) => m.seq)).toEqual([1, 2, 3, 4, 5]);
      expect(page1).toMatchObject({ hasMore: true, lastSeq: 7 });
      const page2 = await chat.sync(viewerOf(sme), { conversationId: conv, afterSeq: 5, limit: 5 });
      expect(page2.messages.map((m) => m.seq)).toEqual([6, 7]);
      expect(page2.hasMore).toBe(false);
      expect((await errorOf(chat.sync(viewerOf(sme), { conversationId: conv, afterSeq: -1 }))).violations[0]).toMatchObject({
        path: 'afterSeq',
      });
      expect((await errorOf(chat.sync(viewerOf(sme), { conversationId: conv, afterSeq: 1e9 }))).violations[0]).toMatchObject({
        path: 'afterSeq',
        rule: 'max-value',
      });
      expect((await errorOf(chat.sync(viewerOf(sme), { conversationId: conv, afterSeq: 0, limit: 100_000 }))).code).toBe('BAD_USER_INPUT');
    });

    it('brings back edits and deletes made while a client was away (changedSince)', async () => {
      const conv = await freshConversation();
      const first = await send(supplier, '원래 문장', randomUUID(), conv);
      const second = await send(supplier, '지울 문장', randomUUID(), conv);
      const before = await chat.sync(viewerOf(sme), { conversationId: conv, afterSeq: 0 });
      expect(before.changed).toEqual([]);
      await chat.edit(viewerOf(supplier), { messageId: first.message.id, body: '고친 문장' });
      await chat.remove(viewerOf(supplier), second.message.id);
      const after = await chat.sync(viewerOf(sme), { conversationId: conv, afterSeq: 2, changedSince: before.serverTime });
      expect(after.messages).toEqual([]);
      expect(after.changed.map((m) => [m.seq, m.body])).toEqual([
        [1, '고친 문장'],
        [2, null],
      ]);
      expect(
        (await errorOf(chat.sync(viewerOf(sme), { conversationId: conv, afterSeq: 0, changedSince: 'yesterday' }))).violations[0],
      ).toMatchObject({ path: 'changedSince' });
    });

    it('counts unread messages from others and lists conversations by latest message', async () => {
      const older = await freshConversation();
      const newer = await freshConversation();
      await send(supplier, '먼저', randomUUID(), older);
      await send(supplier, '나중 1', randomUUID(), newer);
      await send(supplier, '나중 2', randomUUID(), newer);
      await send(sme, '내 메시지는 안 읽음에 세지 않음', randomUUID(), newer);
      const Q =
        '{ conversations(first: 50) { totalCount edges { node { id unreadCount lastSeq lastMessage { body } participants { id } } } } }';
      const list = async () =>
        (await t.gql(Q, {}, { token: sme.accessToken })).data!.conversations.edges.map((e: { node: Record<string, unknown> }) => e.node);
      const before = await list();
      expect(before[0]).toMatchObject({ id: newer, unreadCount: 2, lastSeq: 3, lastMessage: { body: '내 메시지는 안 읽음에 세지 않음' } });
      expect(before.findIndex((c: { id: string }) => c.id === older)).toBeGreaterThan(0);
      const read = await chat.markRead(viewerOf(sme), { conversationId: newer, seq: 2 });
      expect(read).toEqual({ conversationId: newer, lastReadSeq: 2, unread: 0 });
      expect(await chat.markRead(viewerOf(sme), { conversationId: newer, seq: 1 })).toMatchObject({ lastReadSeq: 2 }); // never back
      expect((await errorOf(chat.markRead(viewerOf(sme), { conversationId: newer, seq: 99 }))).code).toBe('BAD_USER_INPUT');
      expect((await list())[0]).toMatchObject({ id: newer, unreadCount: 0 });
      // cursor pagination
      const p1 = await t.gql(
        '{ conversations(first: 1) { pageInfo { hasNextPage endCursor } edges { node { id } } } }',
        {},
        { token: sme.accessToken },
      );
      const p2 = await t.gql(
        'query($a: String) { conversations(first: 1, after: $a) { edges { node { id } } } }',
        { a: p1.data!.conversations.pageInfo.endCursor },
        { token: sme.accessToken },
      );
      expect(p1.data!.conversations.pageInfo.hasNextPage).toBe(true);
      expect(p2.data!.conversations.edges[0].node.id).not.toBe(p1.data!.conversations.edges[0].node.id);
    });

    it("shows the context's title and the other side's read pointer (not a colleague's)", async () => {
      const conv = await freshConversation();
      await send(supplier, '질문 1', randomUUID(), conv);
      await send(supplier, '질문 2', randomUUID(), conv);
      const Q =
        '{ conversations(first: 50) { edges { node { id contextTitle contextTitleEn othersLastReadSeq participants { id nameKo } } } } }';
      const mine = async (token: string) =>
        (await t.gql(Q, {}, { token }))
          .data!.conversations.edges.map((e: { node: Record<string, unknown> }) => e.node)
          .find((n: { id: string }) => n.id === conv);
      const [{ title }] = await ds.query('SELECT l.title FROM conversations c JOIN listings l ON l.id = c.context_id WHERE c.id = $1', [
        conv,
      ]);
      expect(await mine(supplier.accessToken)).toMatchObject({ contextTitle: title, othersLastReadSeq: 0 });
      // the supplier's own read pointer is not "read by the other side"
      await chat.markRead(viewerOf(supplier), { conversationId: conv, seq: 2 });
      expect((await mine(supplier.accessToken)).othersLastReadSeq).toBe(0);
      await chat.markRead(viewerOf(sme), { conversationId: conv, seq: 1 });
      expect((await mine(supplier.accessToken)).othersLastReadSeq).toBe(1);
      expect((await mine(sme.accessToken)).othersLastReadSeq).toBe(2);
    });

    it("counts a colleague's read pointer for the other side, not for the colleague's own side", async () => {
      const conv = await freshConversation();
      await send(supplier, '동료 확인 1', randomUUID(), conv);
      await send(supplier, '동료 확인 2', randomUUID(), conv);
      const othersRead = async (token: string) =>
        (await t.gql('{ conversations(first: 50) { edges { node { id othersLastReadSeq } } } }', {}, { token }))
          .data!.conversations.edges.map((e: { node: { id: string; othersLastReadSeq: number } }) => e.node)
          .find((n: { id: string }) => n.id === conv).othersLastReadSeq;
      // a second member of the supplier's organization (who also has an organization of their own)
      const colleague = await signUpOrganization(t, { kind: 'AI_SUPPLIER' as never });
      await ds.query(`INSERT INTO memberships (user_id, organization_id, role) VALUES ($1, $2, 'MEMBER')`, [
        colleague.userId,
        supplier.organizationId,
      ]);
      try {
        await chat.markRead(viewerOf(colleague), { conversationId: conv, seq: 2 });
        expect(await othersRead(supplier.accessToken)).toBe(0);
        expect(await othersRead(sme.accessToken)).toBe(2);
      } finally {
        await ds.query('DELETE FROM memberships WHERE user_id = $1 AND organization_id = $2', [colleague.userId, supplier.organizationId]);
      }
    });

    it('announces every stored message to the participant organizations, except the joined sockets (for lists of unjoined conversations)', async () => {
      const conv = await freshConversation();
      const publisher = t.app.get(ChatPublisher);
      const calls: Array<[string[], string, unknown, string | undefined]> = [];
      const original = publisher.toOrganizations.bind(publisher);
      publisher.toOrganizations = (ids: string[], event: never, payload: never, except?: string) => {
        calls.push([ids, event, payload, except]);
      };
      try {
        const { message } = await send(supplier, '알림', randomUUID(), conv);
        await new Promise((r) => setTimeout(r, 200));
        expect(calls).toHaveLength(1);
        expect(calls[0][0].sort()).toEqual([sme.organizationId, supplier.organizationId].sort());
        expect(calls[0][1]).toBe('conversation:activity');
        expect(calls[0][2]).toEqual({
          conversationId: conv,
          messageId: message.id,
          seq: 1,
          senderUserId: supplier.userId,
          createdAt: message.createdAt.toISOString(),
        });
        // sockets in the conversation's room get the message itself instead
        expect(calls[0][3]).toBe(`conv:${conv}`);
      } finally {
        publisher.toOrganizations = original;
      }
    });

    it('pages a thread backwards and forwards by seq', async () => {
      const conv = await freshConversation();
      for (let i = 1; i <= 6; i++) await send(sme, `#${i}`, randomUUID(), conv);
      const Q =
        'query($c: ID!, $b: Int, $a: Int) { messages(conversationId: $c, before: $b, after: $a, first: 2) { pageInfo { hasNextPage } edges { node { seq } } } }';
      const seqs = async (v: Record<string, unknown>) => {
        const r = await t.gql(Q, { c: conv, ...v }, { token: supplier.accessToken });
        return [r.data!.messages.edges.map((e: { node: { seq: number } }) => e.node.seq), r.data!.messages.pageInfo.hasNextPage];
      };
      expect(await seqs({})).toEqual([[5, 6], true]);
      expect(await seqs({ b: 5 })).toEqual([[3, 4], true]);
      expect(await seqs({ b: 3 })).toEqual([[1, 2], false]);
      expect(await seqs({ a: 4 })).toEqual([[5, 6], false]);
    });
  });

  describe('moderation', () => {
    it('shows staff a reported message with at most 5 messages each side, and audits the read', async () => {
      const conv = await freshConversation();
      const ids: string[] = [];
      for (let i = 1; i <= 15; i++) ids.push((await send(i % 2 ? supplier : sme, `내용 ${i}`, randomUUID(), conv)).message.id);
      const report = await t.gql(
        'mutation($id: ID!) { reportMessage(id: $id, reason: "욕설") }',
        { id: ids[9] },
        { token: sme.accessToken },
      );
      const reportId = report.data!.reportMessage;
      // reporting again is harmless
      expect(
        (await t.gql('mutation($id: ID!) { reportMessage(id: $id, reason: "욕설") }', { id: ids[9] }, { token: sme.accessToken })).data!
          .reportMessage,
      ).toBe(reportId);
      expect(
        (await t.gql('mutation($id: ID!) { reportMessage(id: $id, reason: "x") }', { id: ids[9] }, { token: stranger.accessToken }))
          .errors![0].extensions.code,
      ).toBe('FORBIDDEN');

      const list = await t.gql(
        '{ reportedMessages(first: 10) { edges { node { id messageId seq reason } } } }',
        {},
        { token: staff.accessToken },
      );
      expect(list.data!.reportedMessages.edges.map((e: { node: { id: string } }) => e.node.id)).toContain(reportId);
      const ctx = await t.gql(
        'query($id: ID!) { reportedMessageContext(reportId: $id) { report { seq } messages { seq body } } }',
        { id: reportId },
        { token: staff.accessToken },
      );
      expect(ctx.data!.reportedMessageContext.report.seq).toBe(10);
      expect(ctx.data!.reportedMessageContext.messages.map((m: { seq: number }) => m.seq)).toEqual([5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]);
      const audit = await ds.query(
        `SELECT actor_user_id AS actor, details FROM audit_log WHERE action = 'chat.report.context-viewed' AND subject_id = $1`,
        [reportId],
      );
      expect(audit).toEqual([{ actor: staff.userId, details: expect.objectContaining({ conversationId: conv, fromSeq: 5, toSeq: 15 }) }]);
    });

    it('lets staff resolve a report: DISMISS closes it, REMOVE_MESSAGE tombstones the message for everyone, live; audited, once', async () => {
      const conv = await freshConversation();
      const kept = (await send(supplier, '괜찮은 메시지', randomUUID(), conv)).message;
      const bad = (await send(supplier, '욕설이 담긴 메시지', randomUUID(), conv)).message;
      const report = async (id: string, who: SignedUp, reason: string) =>
        (
          await t.gql(
            'mutation($id: ID!, $r: String!) { reportMessage(id: $id, reason: $r) }',
            { id, r: reason },
            { token: who.accessToken },
          )
        ).data!.reportMessage as string;
      const onKept = await report(kept.id, sme, '오해');
      const onBad = await report(bad.id, sme, '욕설');
      const RESOLVE =
        'mutation($id: ID!, $a: MessageReportAction!, $r: String!) { resolveMessageReport(reportId: $id, action: $a, reason: $r) { id status resolution resolutionReason resolvedAt } }';
      const resolve = (id: string, a: string, r: string, token = staff.accessToken) => t.gql(RESOLVE, { id, a, r }, { token });
      const openIds = async () =>
        (
          await t.gql(
            '{ reportedMessages(first: 100, status: OPEN) { totalCount edges { node { id status } } } }',
            {},
            { token: staff.accessToken },
          )
        ).data!.reportedMessages.edges.map((e: { node: { id: string } }) => e.node.id);
      expect(await openIds()).toEqual(expect.arrayContaining([onKept, onBad]));

      expect((await resolve(onBad, 'REMOVE_MESSAGE', ' ')).errors![0].extensions.fields).toEqual([
        expect.objectContaining({ path: 'reason', rule: 'required' }),
      ]);
      expect((await resolve(onBad, 'REMOVE_MESSAGE', '가'.repeat(1001))).errors![0].extensions.fields).toEqual([
        expect.objectContaining({ path: 'reason', rule: 'max-length' }),
      ]);
      expect((await resolve(randomUUID(), 'DISMISS', '사유')).errors![0].extensions.code).toBe('NOT_FOUND');
      expect((await resolve(onBad, 'DISMISS', '사유', sme.accessToken)).errors![0].extensions.code).toBe('FORBIDDEN');

      const dismissed = await resolve(onKept, 'DISMISS', '문제 없는 표현');
      expect(dismissed.data!.resolveMessageReport).toEqual({
        id: onKept,
        status: 'RESOLVED',
        resolution: 'DISMISS',
        resolutionReason: '문제 없는 표현',
        resolvedAt: expect.any(String),
      });
      expect((await resolve(onKept, 'REMOVE_MESSAGE', '다시')).errors![0].extensions.code).toBe('CONFLICT');

      const publisher = t.app.get(ChatPublisher);
      const pushed: Array<[string, string, unknown]> = [];
      const original = publisher.toConversation.bind(publisher);
      publisher.toConversation = (id: string, event: string, payload: unknown) => {
        pushed.push([id, event, payload]);
        return original(id as never, event as never, payload as never);
      };
      try {
        const removed = await resolve(onBad, 'REMOVE_MESSAGE', '욕설 확인');
        expect(removed.data!.resolveMessageReport).toMatchObject({ status: 'RESOLVED', resolution: 'REMOVE_MESSAGE' });
      } finally {
        publisher.toConversation = original;
      }
      expect(pushed).toEqual([
        [conv, 'message:updated', expect.objectContaining({ id: bad.id, body: null, deletedAt: expect.any(String) })],
      ]);
      const page = await t.gql(
        'query($c: ID!) { messages(conversationId: $c) { edges { node { id body deletedAt } } } }',
        { c: conv },
        { token: supplier.accessToken },
      );
      expect(page.data!.messages.edges.map((e: { node: { id: string; body: string | null } }) => [e.node.id, e.node.body])).toEqual([
        [kept.id, '괜찮은 메시지'],
        [bad.id, null],
      ]);
      expect((await openIds()).filter((id: string) => id === onKept || id === onBad)).toEqual([]);
      const audit = await ds.query(
        `SELECT subject_id AS report, actor_user_id AS actor, details->>'action' AS action, details->>'messageRemoved' AS removed
           FROM audit_log WHERE action = 'chat.report.resolved' AND subject_id = ANY($1::text[]) ORDER BY created_at, id`,
        [[onKept, onBad]],
      );
      expect(audit).toEqual([
        { report: onKept, actor: staff.userId, action: 'DISMISS', removed: 'false' },
        { report: onBad, actor: staff.userId, action: 'REMOVE_MESSAGE', removed: 'true' },
      ]);
    });
  });

  describe('rate limit', () => {
    let limited: TestApp;
    afterAll(() => limited?.close());

    it('limits each user to 20 messages per 10 s with a typed RATE_LIMITED error', async () => {
      limited = await bootTestApp();
      const owner = await signUpOrganization(limited, { kind: 'SME' as never });
      const asker = await signUpOrganization(limited, { kind: 'AI_SUPPLIER' as never });
      const staffer = await signInStaff(limited);
      const demand = await publish(limited, await createDemand(limited, owner), owner.accessToken, staffer.accessToken);
      const res = await limited.gql(OPEN, { i: { contextType: 'DEMAND', contextId: demand.id } }, { token: asker.accessToken });
      const conv = res.data!.openConversation.id;
      const service = limited.app.get(ChatService);
      const say = (u: SignedUp, body: string) => service.send(viewerOf(u), { conversationId: conv, clientMessageId: randomUUID(), body });
      for (let i = 0; i < 20; i++) await say(asker, `m${i}`);
      const err = await errorOf(say(asker, 'over'));
      expect(err.code).toBe('RATE_LIMITED');
      expect(err.retryAfterSeconds).toBeGreaterThanOrEqual(1);
      expect(err.retryAfterSeconds).toBeLessThanOrEqual(10);
      await expect(say(owner, '저는 괜찮습니다')).resolves.toBeDefined(); // other users are unaffected
      const [{ n }] = await limited.app
        .get(DataSource)
        .query('SELECT count(*)::int AS n FROM chat_messages WHERE conversation_id = $1', [conv]);
      expect(n).toBe(21);
    });
  });
});
