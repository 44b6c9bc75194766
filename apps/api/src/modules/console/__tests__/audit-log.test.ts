import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { bootTestApp, type GqlResponse, signInStaff, signUpOrganization, type SignedUp, type TestApp } from '@aimatch/api-testing';
import { OrganizationKind } from '@aimatch/contracts';

const REQUEST = `mutation($i: RequestOrganizationVerificationInput!) { requestOrganizationVerification(input: $i) { id } }`;
const DECIDE = `mutation($i: DecideVerificationInput!) { decideVerification(input: $i) { id status } }`;
const AUDIT = `query($f: AuditLogFilterInput, $first: Int, $after: String) { auditLog(filter: $f, first: $first, after: $after) {
  totalCount pageInfo { hasNextPage endCursor }
  edges { node { id action subjectType subjectId reason before after details requestId createdAt actorUserId actor { id displayName email } organization { id } } } } }`;

const code = (res: GqlResponse) => res.errors?.[0]?.extensions.code;
const fields = (res: GqlResponse) => (res.errors?.[0]?.extensions.fields ?? []).map((f) => [f.path, f.rule]);
type Node = {
  action: string;
  subjectId: string;
  reason: string | null;
  before: string | null;
  after: string | null;
  actor: { email: string } | null;
  organization: { id: string } | null;
};
const nodes = (res: GqlResponse) => (res.data!.auditLog.edges as Array<{ node: Node }>).map((e) => e.node);

describe('the audit log for staff', () => {
  let t: TestApp;
  let staff: { accessToken: string; userId: string };
  let supplier: SignedUp;
  let other: SignedUp;
  const audit = (f: Record<string, unknown> | null, token = staff.accessToken, first?: number, after?: string) =>
    t.gql(AUDIT, { f, first, after }, { token });
  const rejectVerification = async (who: SignedUp, reason: string) => {
    const req = await t.gql(REQUEST, { i: { organizationId: who.organizationId, note: '사업자등록증' } }, { token: who.accessToken });
    const decided = await t.gql(
      DECIDE,
      { i: { requestId: req.data!.requestOrganizationVerification.id, decision: 'REJECTED', reason } },
      { token: staff.accessToken },
    );
    expect(decided.errors).toBeUndefined();
  };

  beforeAll(async () => {
    t = await bootTestApp();
    staff = await signInStaff(t);
    supplier = await signUpOrganization(t, { kind: OrganizationKind.AI_SUPPLIER });
    other = await signUpOrganization(t, { kind: OrganizationKind.AI_SUPPLIER });
    await rejectVerification(supplier, '사업자등록증이 흐립니다');
    await rejectVerification(other, '상호가 다릅니다');
  });
  afterAll(() => t.close());

  it("shows staff a verification decision with its reason, before/after and the staff actor's e-mail", async () => {
    const res = await audit({ action: 'verification.decided', subjectType: 'organization', subjectId: supplier.organizationId });
    expect(res.errors).toBeUndefined();
    expect(res.data!.auditLog.totalCount).toBe(1);
    const [row] = nodes(res);
    expect(row.reason).toBe('사업자등록증이 흐립니다');
    expect(JSON.parse(row.before!)).toMatchObject({ requestStatus: 'OPEN' });
    expect(JSON.parse(row.after!)).toMatchObject({ requestStatus: 'REJECTED', organizationStatus: 'REJECTED' });
    expect(row.actor?.email).toBeTruthy();
    expect(row.organization?.id).toBe(supplier.organizationId);
  });

  it('filters narrow it: by action, actor, object and date range; newest first; pages by cursor', async () => {
    const decided = await audit({ action: 'verification.decided' }, staff.accessToken, 100);
    const mine = nodes(decided).filter((n) => [supplier.organizationId, other.organizationId].includes(n.subjectId));
    expect(mine.map((n) => n.subjectId)).toEqual([other.organizationId, supplier.organizationId]);
    expect(nodes(decided).every((n) => n.action === 'verification.decided')).toBe(true);

    const byActor = await audit({ actorUserId: staff.userId, subjectId: other.organizationId });
    expect(nodes(byActor).map((n) => n.action)).toEqual(['verification.decided']);
    const byOtherActor = await audit({ actorUserId: supplier.userId, action: 'verification.decided' });
    expect(byOtherActor.data!.auditLog.totalCount).toBe(0);

    const future = await audit({ action: 'verification.decided', from: new Date(Date.now() + 86_400_000).toISOString() });
    expect(future.data!.auditLog.totalCount).toBe(0);
    const past = await audit({
      subjectId: supplier.organizationId,
      from: new Date(Date.now() - 3_600_000).toISOString(),
      to: new Date(Date.now() + 3_600_000).toISOString(),
    });
    expect(past.data!.auditLog.totalCount).toBeGreaterThanOrEqual(1);

    const first = await audit({ action: 'verification.decided' }, staff.accessToken, 1);
    expect(first.data!.auditLog.pageInfo.hasNextPage).toBe(true);
    const second = await audit({ action: 'verification.decided' }, staff.accessToken, 1, first.data!.auditLog.pageInfo.endCursor);
    expect(second.errors).toBeUndefined();
    expect(nodes(second)[0]).not.toEqual(nodes(first)[0]);
    expect(nodes(second)).toHaveLength(1);
  });

  it('refuses non-staff users and anonymous callers', async () => {
    expect(code(await audit(null, supplier.accessToken))).toBe('FORBIDDEN');
    expect(code(await t.gql(AUDIT, { f: null }))).toBe('UNAUTHENTICATED');
  });

  it('gives typed errors for bad filters', async () => {
    expect(fields(await audit({ action: 'x'.repeat(201) }))).toEqual([['filter.action', 'max-length']]);
    expect(fields(await audit({ actorUserId: 'not-a-uuid' }))).toEqual([['filter.actorUserId', 'format']]);
    const now = Date.now();
    expect(fields(await audit({ from: new Date(now).toISOString(), to: new Date(now - 1000).toISOString() }))).toEqual([
      ['filter.to', 'after'],
    ]);
    expect(fields(await audit({ from: new Date(now - 400 * 86_400_000).toISOString(), to: new Date(now).toISOString() }))).toEqual([
      ['filter.to', 'range'],
    ]);
    expect(fields(await audit(null, staff.accessToken, 101))).toEqual([['first', 'range']]);
    expect(fields(await audit(null, staff.accessToken, 5, 'garbage'))).toEqual([['after', 'format']]);
    expect(fields(await audit(null, staff.accessToken, 5, Buffer.from('["x","1"]').toString('base64url')))).toEqual([['after', 'format']]);
  });
});
