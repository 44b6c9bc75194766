import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import {
  bootTestApp,
  createDemand,
  type GqlResponse,
  publish,
  settleOutbox,
  signInStaff,
  signUpOrganization,
  type SignedUp,
  type TestApp,
} from '@aimatch/api-testing';
import { DataSource } from 'typeorm';
import { ChatPublisher } from '../../chat/chat.publisher';

const TASK = 'urn:aimatch:task:visual-inspection';
const MES = 'urn:aimatch:integration:mes';
const CREATE = 'mutation($i: CreateBidInput!) { createBid(input: $i) { id version status amountKrw } }';
const act = (name: string) => `mutation($id: ID!, $v: Int!) { ${name}(id: $id, version: $v) { id version status amountKrw } }`;
const OPEN = 'mutation($i: OpenConversationInput!) { openConversation(input: $i) { id } }';
const CONVERSATIONS = `{ conversations(first: 50) { edges { node { id contextType contextId lastSeq participants { id }
  lastMessage { kind seq body systemEvent systemPayload senderUserId } } } } }`;
const MESSAGES = 'query($c: ID!) { messages(conversationId: $c, first: 50) { edges { node { seq kind systemEvent systemPayload } } } }';

const code = (res: GqlResponse) => res.errors?.[0]?.extensions.code;

/** The award opens the demand's conversation with the winner; bid events become system messages there. */
describe('bids in conversations', () => {
  let t: TestApp;
  let ds: DataSource;
  let sme: SignedUp;
  let alpha: SignedUp;
  let beta: SignedUp;
  let gamma: SignedUp;
  let staff: string;

  const demand = async () => publish(t, await createDemand(t, sme), sme.accessToken, staff);
  const run = async (name: string, b: { id: string; version: number }, token: string) =>
    t.gql(act(name), { id: b.id, v: b.version }, { token });
  const submitted = async (who: SignedUp, demandId: string, amountKrw: number) => {
    const created = await t.gql(
      CREATE,
      {
        i: {
          demandId,
          organizationId: who.organizationId,
          amountKrw,
          durationWeeks: 10,
          approach: '검사 모델을 학습해 MES와 연동합니다.',
          milestones: [{ title: '개발·연동', weeks: 10, amountKrw }],
          coveredConceptIds: [TASK, MES],
        },
      },
      { token: who.accessToken },
    );
    if (!created.data) throw new Error(JSON.stringify(created.errors));
    const res = await run('submitBid', created.data.createBid, who.accessToken);
    if (!res.data) throw new Error(JSON.stringify(res.errors));
    return res.data.submitBid as { id: string; version: number; status: string };
  };
  const conversationsOf = async (who: SignedUp, demandId: string) =>
    ((await t.gql(CONVERSATIONS, {}, { token: who.accessToken })).data!.conversations.edges as Array<{ node: any }>)
      .map((e) => e.node)
      .filter((c) => c.contextId === demandId);
  const messagesOf = async (who: SignedUp, conversationId: string) =>
    ((await t.gql(MESSAGES, { c: conversationId }, { token: who.accessToken })).data!.messages.edges as Array<{ node: any }>).map((e) => ({
      ...e.node,
      systemPayload: e.node.systemPayload && JSON.parse(e.node.systemPayload),
    }));
  const conversationRows = async (demandId: string) =>
    (await ds.query('SELECT count(*)::int AS n FROM conversations WHERE context_id = $1', [demandId]))[0].n as number;

  beforeAll(async () => {
    t = await bootTestApp();
    ds = t.app.get(DataSource);
    sme = await signUpOrganization(t, { kind: 'SME' as never });
    alpha = await signUpOrganization(t, { kind: 'AI_SUPPLIER' as never });
    beta = await signUpOrganization(t, { kind: 'SI_INTEGRATOR' as never });
    gamma = await signUpOrganization(t, { kind: 'AI_SUPPLIER' as never });
    for (const o of [alpha, beta, gamma])
      await ds.query(`UPDATE organizations SET verification_status = 'VERIFIED' WHERE id = $1`, [o.organizationId]);
    staff = (await signInStaff(t)).accessToken;
    await settleOutbox(t);
  });
  afterAll(() => t.close());

  it('posts BID_SUBMITTED into an existing pre-bid conversation only, and the award opens one with the winner with BID_ACCEPTED', async () => {
    const d = await demand();
    const pre = await t.gql(OPEN, { i: { contextType: 'DEMAND', contextId: d.id } }, { token: alpha.accessToken });
    const alphaConversation = pre.data!.openConversation.id as string;

    const a = await submitted(alpha, d.id, 90_000_000);
    const b = await submitted(beta, d.id, 70_000_000);
    expect(await conversationRows(d.id)).toBe(1); // beta's submission opened none
    expect(await messagesOf(alpha, alphaConversation)).toEqual([
      {
        seq: 1,
        kind: 'SYSTEM',
        systemEvent: 'BID_SUBMITTED',
        systemPayload: expect.objectContaining({
          bidId: a.id,
          demandId: d.id,
          amountKrw: 90_000_000,
          organizationId: alpha.organizationId,
        }),
      },
    ]);
    expect(await conversationsOf(beta, d.id)).toEqual([]);

    const accepted = await run('acceptBid', b, sme.accessToken);
    expect(accepted.data!.acceptBid.status).toBe('ACCEPTED');
    expect(await conversationRows(d.id)).toBe(2);

    const [forBeta] = await conversationsOf(beta, d.id);
    expect(forBeta).toMatchObject({
      contextType: 'DEMAND',
      lastSeq: 1,
      lastMessage: { kind: 'SYSTEM', seq: 1, systemEvent: 'BID_ACCEPTED', senderUserId: null },
    });
    expect(forBeta.participants.map((p: { id: string }) => p.id).sort()).toEqual([sme.organizationId, beta.organizationId].sort());
    expect(JSON.parse(forBeta.lastMessage.systemPayload)).toMatchObject({
      bidId: b.id,
      demandId: d.id,
      amountKrw: 70_000_000,
      organizationId: beta.organizationId,
    });
    const forSme = await conversationsOf(sme, d.id);
    expect(forSme.map((c) => c.id).sort()).toEqual([alphaConversation, forBeta.id].sort());
    expect(forSme.find((c) => c.id === forBeta.id).lastMessage).toMatchObject({ systemEvent: 'BID_ACCEPTED' });
    // The losing bidder's conversation gets no award message.
    expect((await messagesOf(alpha, alphaConversation)).map((m) => m.systemEvent)).toEqual(['BID_SUBMITTED']);
    expect((await run('acceptBid', { id: a.id, version: a.version + 1 }, sme.accessToken)).errors).toBeTruthy();
  });

  it('reuses the existing conversation when it awards the bidder the owner already talks to', async () => {
    const d = await demand();
    const open = await t.gql(
      OPEN,
      { i: { contextType: 'DEMAND', contextId: d.id, partyOrganizationId: gamma.organizationId } },
      { token: sme.accessToken },
    );
    const conversationId = open.data!.openConversation.id as string;
    const g = await submitted(gamma, d.id, 50_000_000);
    expect((await run('acceptBid', g, sme.accessToken)).data!.acceptBid.status).toBe('ACCEPTED');
    expect(await conversationRows(d.id)).toBe(1);
    expect((await messagesOf(gamma, conversationId)).map((m) => [m.seq, m.systemEvent, m.systemPayload.bidId])).toEqual([
      [1, 'BID_SUBMITTED', g.id],
      [2, 'BID_ACCEPTED', g.id],
    ]);
    expect((await conversationsOf(sme, d.id)).map((c) => c.id)).toEqual([conversationId]);
  });

  it('pushes the award’s system message live through an outbox event written in the award’s transaction', async () => {
    const d = await demand();
    const g = await submitted(gamma, d.id, 30_000_000);
    await settleOutbox(t);
    const push = jest.spyOn(t.app.get(ChatPublisher), 'toConversation');
    try {
      expect((await run('acceptBid', g, sme.accessToken)).data!.acceptBid.status).toBe('ACCEPTED');
      const [conversation] = await conversationsOf(gamma, d.id);
      const [message] = await ds.query(`SELECT id FROM chat_messages WHERE conversation_id = $1 AND system_event = 'BID_ACCEPTED'`, [
        conversation.id,
      ]);
      const events = await ds.query(
        `SELECT aggregate_type, aggregate_id, payload FROM outbox WHERE event_type = 'chat.system-message.posted'`,
      );
      expect(events.filter((e: { payload: { messageId: string } }) => e.payload.messageId === message.id)).toEqual([
        {
          aggregate_type: 'conversation',
          aggregate_id: conversation.id,
          payload: { conversationId: conversation.id, messageId: message.id },
        },
      ]);
      await settleOutbox(t);
      expect(push).toHaveBeenCalledWith(
        conversation.id,
        'message',
        expect.objectContaining({ id: message.id, systemEvent: 'BID_ACCEPTED' }),
      );
    } finally {
      push.mockRestore();
    }
  });

  it('leaves no conversation behind when an accept fails with a CONFLICT', async () => {
    const d = await demand();
    const g = await submitted(gamma, d.id, 40_000_000);
    const b = await submitted(beta, d.id, 45_000_000);
    expect(code(await run('acceptBid', { id: g.id, version: g.version + 1 }, sme.accessToken))).toBe('CONFLICT'); // stale version
    expect(await conversationRows(d.id)).toBe(0);
    expect(await conversationsOf(gamma, d.id)).toEqual([]);

    // Two concurrent accepts: one wins and opens one conversation; the loser's CONFLICT rolled back its own.
    const results = await Promise.all([run('acceptBid', g, sme.accessToken), run('acceptBid', b, sme.accessToken)]);
    const winner = results.find((r) => r.data)!.data!.acceptBid;
    expect(results.filter((r) => code(r) === 'CONFLICT')).toHaveLength(1);
    expect(await conversationRows(d.id)).toBe(1);
    const [winnerOrg, loserOrg] = winner.id === g.id ? [gamma, beta] : [beta, gamma];
    expect((await conversationsOf(winnerOrg, d.id)).map((c) => c.lastMessage.systemEvent)).toEqual(['BID_ACCEPTED']);
    expect(await conversationsOf(loserOrg, d.id)).toEqual([]);
  });
});
