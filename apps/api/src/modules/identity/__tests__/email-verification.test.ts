import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  bootTestApp,
  createDemand,
  createSupply,
  mailsTo,
  currentConsents,
  mailTo,
  publish,
  settleOutbox,
  signInStaff,
  signUpOrganization,
  type SignedUp,
  type TestApp,
  TEST_PASSWORD,
  transition,
  validBrn,
  VERIFICATION_MAIL,
  verifyEmailFromMail,
} from '@aimatch/api-testing';
import { randomUUID } from 'node:crypto';
import { Manager, type Socket } from 'socket.io-client';
import { DataSource } from 'typeorm';
import type { AppError } from '../../../common/errors/app-error';
import { TransactionService } from '../../../database/transaction.service';
import { ChatService } from '../../chat/chat.service';
import { AccountTokenService } from '../account-token.service';

const SIGN_UP = 'mutation($i: SignUpInput!) { signUp(input: $i) { email verificationSent } }';
const SIGN_IN = 'mutation($i: SignInInput!) { signIn(input: $i) { accessToken } }';
const VERIFY = 'mutation($token: String!) { verifyEmail(token: $token) { email verified } }';
const RESEND = 'mutation { resendVerificationEmail }';
const ME = '{ me { user { email emailVerified } } }';

/** #13 "what to build" 1 and the low "sign-up reveals registered e-mails". */
describe('e-mail verification', () => {
  let t: TestApp;
  let ds: DataSource;
  let staffToken: string;
  const managers: Manager[] = [];

  beforeAll(async () => {
    t = await bootTestApp({ listen: true });
    ds = t.app.get(DataSource);
    staffToken = (await signInStaff(t)).accessToken;
  });
  afterAll(async () => {
    managers.forEach((m) => m.engine?.close());
    await t.close();
  });

  const input = (email: string, password = TEST_PASSWORD) => ({
    email,
    password,
    displayName: '검증 사용자',
    organization: { kind: 'SME', nameKo: '검증제조(주)', businessRegistrationNumber: validBrn(), regionId: 'urn:aimatch:region:busan' },
    consents: currentConsents(),
  });
  const count = async (table: string) => (await ds.query<Array<{ n: number }>>(`SELECT count(*)::int AS n FROM ${table}`))[0].n;
  const emailVerified = async (token: string) => (await t.gql(ME, {}, { token })).data!.me.user.emailVerified as boolean;
  const verify = (token: string | undefined, locale: 'ko' | 'en' = 'ko') => t.gql(VERIFY, { token }, { locale });
  const expectInvalidLink = (res: Awaited<ReturnType<typeof verify>>) =>
    expect(res.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ path: 'token', rule: 'invalid-or-expired', message: expect.stringContaining('만료') }],
    });

  it('answers a sign-up with a registered address exactly like a new one, creates nothing for it and mails its owner', async () => {
    const owner = await signUpOrganization(t);
    const before = [await count('users'), await count('organizations')];
    const fresh = `fresh-${randomUUID().slice(0, 8)}@example.kr`;
    const newcomer = await t.gql(SIGN_UP, { i: input(fresh) });
    const again = await t.gql(SIGN_UP, { i: input(owner.email.toUpperCase(), 'someone-elses-pass-42') });

    expect(newcomer.errors).toBeUndefined();
    expect(again.errors).toBeUndefined();
    expect(newcomer.data).toEqual({ signUp: { email: fresh, verificationSent: true } });
    expect(again.data).toEqual({ signUp: { email: owner.email, verificationSent: true } });
    expect(again.status).toBe(newcomer.status);
    // Only the new address got an account.
    expect([await count('users'), await count('organizations')]).toEqual([before[0] + 1, before[1] + 1]);

    const notice = await mailTo(t, owner.email, { match: /가입 시도/ });
    expect(notice.text).toContain('새 계정은 만들어지지 않았습니다');
    expect(notice.links.map((l) => new URL(l).pathname)).toEqual(['/signin', '/forgot-password']);
    expect(notice.token).toBeUndefined();
    expect(mailsTo(t, fresh, VERIFICATION_MAIL)).toHaveLength(1);
    // The owner's account is untouched: their password works, the attempt's does not.
    expect((await t.gql(SIGN_IN, { i: { email: owner.email, password: TEST_PASSWORD } })).errors).toBeUndefined();
    expect((await t.gql(SIGN_IN, { i: { email: owner.email, password: 'someone-elses-pass-42' } })).errors![0].extensions.code).toBe(
      'UNAUTHENTICATED',
    );
  });

  it('mails the owner at most 3 notices an hour however often the address is tried; every attempt answers the same', async () => {
    const owner = await signUpOrganization(t);
    for (let i = 0; i < 5; i++) {
      const res = await t.gql(SIGN_UP, { i: input(owner.email, `attempt-pass-phrase-${i}`) });
      expect(res.data).toEqual({ signUp: { email: owner.email, verificationSent: true } });
    }
    await mailTo(t, owner.email, { match: /가입 시도/, after: 2 });
    await settleOutbox(t);
    expect(mailsTo(t, owner.email, /가입 시도/)).toHaveLength(3);
  });

  it('still names the other broken rules when the address is registered (no e-mail rule either way)', async () => {
    const owner = await signUpOrganization(t);
    const fresh = await t.gql(SIGN_UP, { i: input(`weak-${randomUUID().slice(0, 8)}@example.kr`, 'short') });
    const known = await t.gql(SIGN_UP, { i: input(owner.email, 'short') });
    const rules = (res: typeof fresh) => res.errors![0].extensions.fields!.map((f) => [f.path, f.rule]);
    expect(rules(fresh)).toEqual([['password', 'password-length']]);
    expect(rules(known)).toEqual(rules(fresh));
  });

  it('a verification link works once, signs nobody in, and takes effect on the existing session', async () => {
    const user = await signUpOrganization(t, { verified: false });
    expect(await emailVerified(user.accessToken)).toBe(false);
    const mail = await mailTo(t, user.email, { match: VERIFICATION_MAIL });
    expect(mail.subject).toContain('이메일 주소를 인증해 주세요');
    expect(new URL(mail.links[0]).pathname).toBe('/verify-email');

    const res = await verify(mail.token);
    expect(res.errors).toBeUndefined();
    expect(res.data!.verifyEmail).toEqual({ email: user.email, verified: true });
    expect(JSON.stringify(res.data)).not.toContain('accessToken');
    expect(await emailVerified(user.accessToken)).toBe(true);

    expectInvalidLink(await verify(mail.token));
    const en = await verify(mail.token, 'en');
    expect(en.errors![0].extensions.fields![0].message).toContain('expired');
  });

  it('refuses an expired link, a link to an address the account no longer has, and a token of another purpose', async () => {
    const expired = await signUpOrganization(t, { verified: false });
    const expiredMail = await mailTo(t, expired.email, { match: VERIFICATION_MAIL });
    await ds.query(`UPDATE account_tokens SET expires_at = now() - interval '1 second' WHERE user_id = $1`, [expired.userId]);
    expectInvalidLink(await verify(expiredMail.token));

    const moved = await signUpOrganization(t, { verified: false });
    const movedMail = await mailTo(t, moved.email, { match: VERIFICATION_MAIL });
    await ds.query(`UPDATE users SET email = $2 WHERE id = $1`, [moved.userId, `moved-${randomUUID().slice(0, 8)}@example.kr`]);
    expectInvalidLink(await verify(movedMail.token));

    const other = await signUpOrganization(t, { verified: false });
    const resetToken = await t.app
      .get(TransactionService)
      .run((tx) => t.app.get(AccountTokenService).issue(tx, other.userId, 'RESET_PASSWORD', other.email, 3600));
    expectInvalidLink(await verify(resetToken));
    expectInvalidLink(await verify(''));

    for (const u of [expired, moved, other]) expect(await emailVerified(u.accessToken)).toBe(false);
  });

  it('re-sends a fresh link at most 3 times an hour (RATE_LIMITED with retryAfter); the newest works and retires the others; then CONFLICT', async () => {
    const user = await signUpOrganization(t, { verified: false });
    const first = await mailTo(t, user.email, { match: VERIFICATION_MAIL });
    for (let i = 1; i <= 3; i++) {
      const res = await t.gql(RESEND, {}, { token: user.accessToken });
      expect(res.errors).toBeUndefined();
      expect(res.data!.resendVerificationEmail).toBe(true);
      await mailTo(t, user.email, { match: VERIFICATION_MAIL, after: i });
    }
    const limited = await t.gql(RESEND, {}, { token: user.accessToken });
    expect(limited.errors![0].extensions.code).toBe('RATE_LIMITED');
    expect(limited.errors![0].extensions.retryAfter).toBeGreaterThan(0);

    const mails = mailsTo(t, user.email, VERIFICATION_MAIL);
    expect(mails).toHaveLength(4);
    expect(new Set(mails.map((m) => m.token)).size).toBe(4);
    expect((await verify(mails[3].token)).errors).toBeUndefined();
    expectInvalidLink(await verify(first.token));

    const verified = await t.gql(RESEND, {}, { token: user.accessToken });
    expect(verified.errors![0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'already-verified' });
    expect(verified.errors![0].message).toBe('이미 인증된 이메일 주소입니다.');
    expect((await t.gql(RESEND)).errors![0].extensions.code).toBe('UNAUTHENTICATED');
  });

  describe('an unverified user browses and drafts, but cannot message, bid or submit until verified', () => {
    let sme: SignedUp;
    let supplier: SignedUp;
    let conversationId: string;
    let demandId: string;
    let socket: Socket;

    const connectChat = async (token: string): Promise<Socket> => {
      const manager = new Manager(t.url, { transports: ['websocket'], reconnection: false });
      managers.push(manager);
      const s = manager.socket('/chat', { auth: { token } });
      await new Promise<void>((resolve, reject) => {
        s.once('connect', () => resolve());
        s.once('connect_error', reject);
      });
      return s;
    };
    const sendOnSocket = async (body: string) =>
      (await socket.timeout(5000).emitWithAck('send', { conversationId, clientMessageId: randomUUID(), body })) as {
        id?: string;
        error?: { code: string; reason?: string; message: string };
      };
    const viewer = () => ({ userId: supplier.userId, roles: [], locale: 'KO' as never, sessionId: 'test' });
    const unverifiedError = { code: 'FORBIDDEN', reason: 'email-unverified', message: expect.stringContaining('이메일 인증 후') };

    beforeAll(async () => {
      sme = await signUpOrganization(t, { kind: 'SME' as never });
      supplier = await signUpOrganization(t, { kind: 'AI_SUPPLIER' as never, verified: false });
      // The organization is verified by the association: only the person's e-mail is not.
      await ds.query(`UPDATE organizations SET verification_status = 'VERIFIED' WHERE id = $1`, [supplier.organizationId]);
      demandId = (await publish(t, await createDemand(t, sme), sme.accessToken, staffToken)).id;
      const open = await t.gql(
        'mutation($i: OpenConversationInput!) { openConversation(input: $i) { id } }',
        { i: { contextType: 'DEMAND', contextId: demandId } },
        { token: supplier.accessToken },
      );
      expect(open.errors).toBeUndefined();
      conversationId = open.data!.openConversation.id;
      socket = await connectChat(supplier.accessToken);
    });

    it('chat send over the socket and through ChatService is FORBIDDEN email-unverified', async () => {
      expect((await sendOnSocket('안녕하세요, 문의드립니다.')).error).toMatchObject(unverifiedError);
      const direct = await t.app
        .get(ChatService)
        .send(viewer(), { conversationId, clientMessageId: randomUUID(), body: '링크 확인해 보세요 https://example.com' })
        .then(
          () => null,
          (err: AppError) => err,
        );
      expect(direct).toMatchObject({ code: 'FORBIDDEN', messageKey: 'email-unverified' });
      expect(await count(`chat_messages WHERE sender_user_id = '${supplier.userId}'`)).toBe(0);
    });

    it('a draft bid is allowed, submitting it is FORBIDDEN email-unverified', async () => {
      const created = await t.gql(
        'mutation($i: CreateBidInput!) { createBid(input: $i) { id version status } }',
        {
          i: {
            demandId,
            organizationId: supplier.organizationId,
            amountKrw: 120_000_000,
            durationWeeks: 16,
            approach: '라인 조명·카메라 설계 후 불량 데이터를 수집해 검사 모델을 학습하고 MES와 연동합니다.',
            milestones: [
              { title: '현장 조사·광학 설계', weeks: 4, amountKrw: 30_000_000 },
              { title: '모델 개발·MES 연동', weeks: 12, amountKrw: 90_000_000 },
            ],
            coveredConceptIds: ['urn:aimatch:task:visual-inspection', 'urn:aimatch:integration:mes'],
          },
        },
        { token: supplier.accessToken },
      );
      expect(created.errors).toBeUndefined();
      const bid = created.data!.createBid;
      const submit = () =>
        t.gql(
          'mutation($id: ID!, $v: Int!) { submitBid(id: $id, version: $v) { status } }',
          { id: bid.id, v: bid.version },
          {
            token: supplier.accessToken,
          },
        );
      const refused = await submit();
      expect(refused.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'email-unverified' });
      expect(refused.errors![0].message).toContain('이메일 인증 후');

      await verifyEmailFromMail(t, supplier.email);
      try {
        expect((await submit()).data).toEqual({ submitBid: { status: 'SUBMITTED' } });
      } finally {
        await ds.query('UPDATE users SET email_verified_at = NULL WHERE id = $1', [supplier.userId]);
      }
    });

    it('a draft listing is allowed, submitting it for review is FORBIDDEN email-unverified', async () => {
      const draft = await createSupply(t, supplier);
      expect(draft.status).toBe('DRAFT');
      const refused = await transition(t, 'submitListing', draft, supplier.accessToken);
      expect(refused.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'email-unverified' });
      expect(
        (await t.gql('query($id: ID!) { listing(id: $id) { status } }', { id: draft.id }, { token: supplier.accessToken })).data,
      ).toEqual({
        listing: { status: 'DRAFT' },
      });
    });

    it('once verified, the same session and socket may send, submit and publish', async () => {
      const mailed = mailsTo(t, supplier.email, VERIFICATION_MAIL).length;
      const resend = await t.gql(RESEND, {}, { token: supplier.accessToken });
      expect(resend.errors).toBeUndefined();
      await verifyEmailFromMail(t, supplier.email, { after: mailed });
      expect(await sendOnSocket('이제 보낼 수 있습니다.')).toMatchObject({ id: expect.any(String) });
      const listing = await publish(t, await createSupply(t, supplier), supplier.accessToken, staffToken);
      expect(listing.status).toBe('PUBLISHED');
    });
  });
});
