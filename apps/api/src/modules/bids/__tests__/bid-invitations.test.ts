import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  bootTestApp,
  createDemand,
  createSupply,
  type GqlResponse,
  mailTo,
  publish,
  signInStaff,
  signUpOrganization,
  type SignedUp,
  type TestApp,
} from '@aimatch/api-testing';
import { DataSource } from 'typeorm';

const INVITE = 'mutation($d: ID!, $s: ID!) { inviteToBid(demandId: $d, supplyListingId: $s) { alreadyInvited organizationId } }';
const fields = (res: GqlResponse) => (res.errors?.[0]?.extensions.fields ?? []).map((f) => [f.path, f.rule]);

/** #14 (3): the demand's owner invites a supplier to bid, from a match card, a listing or a profile. */
describe('inviting a supplier to bid', () => {
  let t: TestApp;
  let ds: DataSource;
  let sme: SignedUp;
  let supplier: SignedUp;
  let unverified: SignedUp;
  let otherSme: SignedUp;
  let staff: string;
  let demandId: string;
  let supplyId: string;
  let unverifiedSupplyId: string;

  const verify = (o: SignedUp) => ds.query(`UPDATE organizations SET verification_status = 'VERIFIED' WHERE id = $1`, [o.organizationId]);
  const invitations = async (org: SignedUp, demand: string) =>
    (
      await ds.query(
        `SELECT count(*)::int AS n FROM notifications n JOIN memberships m ON m.user_id = n.user_id
          WHERE m.organization_id = $1 AND n.type = 'BID_INVITATION' AND n.payload->>'demandId' = $2`,
        [org.organizationId, demand],
      )
    )[0].n as number;

  beforeAll(async () => {
    t = await bootTestApp();
    ds = t.app.get(DataSource);
    sme = await signUpOrganization(t, { kind: 'SME' as never, nameKo: '초대제조(주)' });
    otherSme = await signUpOrganization(t, { kind: 'SME' as never });
    supplier = await signUpOrganization(t, { kind: 'AI_SUPPLIER' as never });
    unverified = await signUpOrganization(t, { kind: 'AI_SUPPLIER' as never });
    await verify(supplier);
    staff = (await signInStaff(t)).accessToken;
    demandId = (await publish(t, await createDemand(t, sme), sme.accessToken, staff)).id;
    supplyId = (await publish(t, await createSupply(t, supplier), supplier.accessToken, staff)).id;
    unverifiedSupplyId = (await publish(t, await createSupply(t, unverified), unverified.accessToken, staff)).id;
  });
  afterAll(() => t.close());

  it("notifies the supplier's members once, naming the demand's organization, and says so when asked again", async () => {
    const first = await t.gql(INVITE, { d: demandId, s: supplyId }, { token: sme.accessToken });
    expect(first.data!.inviteToBid).toEqual({ alreadyInvited: false, organizationId: supplier.organizationId });
    expect(await invitations(supplier, demandId)).toBe(1);
    const mail = await mailTo(t, supplier.email, { match: /입찰을 요청했습니다/ });
    expect(mail.subject).toContain('초대제조(주)에서 입찰을 요청했습니다');

    const again = await t.gql(INVITE, { d: demandId, s: supplyId }, { token: sme.accessToken });
    expect(again.data!.inviteToBid).toEqual({ alreadyInvited: true, organizationId: supplier.organizationId });
    expect(await invitations(supplier, demandId)).toBe(1);
  });

  it('is for the demand owner only, on an open demand, to a supplier that may bid on it', async () => {
    // Another organization cannot invite on someone else's demand, nor can the supplier itself.
    expect((await t.gql(INVITE, { d: demandId, s: supplyId }, { token: otherSme.accessToken })).errors![0].extensions.code).toBe(
      'FORBIDDEN',
    );
    expect((await t.gql(INVITE, { d: demandId, s: supplyId }, { token: supplier.accessToken })).errors![0].extensions.code).toBe(
      'FORBIDDEN',
    );
    // Not a published supply listing (a demand, or nothing).
    expect(fields(await t.gql(INVITE, { d: demandId, s: demandId }, { token: sme.accessToken }))).toEqual([
      ['supplyListingId', 'not-allowed'],
    ]);
    expect(fields(await t.gql(INVITE, { d: demandId, s: 'nope' }, { token: sme.accessToken }))).toEqual([
      ['supplyListingId', 'not-allowed'],
    ]);

    // A demand for verified suppliers only cannot invite an unverified one (it could not see or bid on it).
    const restricted = (await publish(t, await createDemand(t, sme, { visibility: 'VERIFIED_SUPPLIERS' }), sme.accessToken, staff)).id;
    expect(fields(await t.gql(INVITE, { d: restricted, s: unverifiedSupplyId }, { token: sme.accessToken }))).toEqual([
      ['supplyListingId', 'verification-required'],
    ]);
    expect(await invitations(unverified, restricted)).toBe(0);
    // While the association lets only verified organizations bid (the default), a public demand cannot either.
    expect(fields(await t.gql(INVITE, { d: demandId, s: unverifiedSupplyId }, { token: sme.accessToken }))).toEqual([
      ['supplyListingId', 'verification-required'],
    ]);

    // A draft demand is not open for bids.
    const draft = await createDemand(t, sme);
    const closed = await t.gql(INVITE, { d: draft.id, s: supplyId }, { token: sme.accessToken });
    expect(closed.errors![0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'demand-not-open' });
  });
});
