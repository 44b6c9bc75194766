import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { bootTestApp, createDemand, publish, signInStaff, signUpOrganization, type SignedUp, type TestApp } from '@aimatch/api-testing';
import { DataSource } from 'typeorm';
import { multipartBody, samples } from '../../files/__tests__/sample-files';

const ATTACH = 'mutation($b: ID!, $f: [ID!]!) { attachBidFiles(bidId: $b, fileIds: $f) { id name } }';
const DETACH = 'mutation($b: ID!, $f: ID!) { detachBidFile(bidId: $b, fileId: $f) }';
const BID_FILES = 'query($id: ID!) { bid(id: $id) { id version revision files { id name downloadUrl } } }';
const LINK = 'query($id: ID!) { storedFile(id: $id) { id downloadUrl } }';

/**
 * #14 (4): proposal (제안서) and quote (견적서) files on a bid. A file's access is the bid's: the
 * bidder, its consortium partners, the demand's organization once submitted, staff; a competing
 * bidder and everyone else get no link.
 */
describe('files on a bid', () => {
  let t: TestApp;
  let ds: DataSource;
  let sme: SignedUp;
  let otherSme: SignedUp;
  let bidder: SignedUp;
  let partner: SignedUp;
  let competitor: SignedUp;
  let staff: string;

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
  /** A bid written directly (the bid workflow has its own tests), with `partner` invited into its consortium; on a fresh demand unless given. */
  const bid = async (status: 'DRAFT' | 'SUBMITTED' | 'SHORTLISTED', lead = bidder, on?: string) => {
    const demandId = on ?? (await publish(t, await createDemand(t, sme), sme.accessToken, staff)).id;
    const [row] = await ds.query(
      `INSERT INTO bids (demand_id, organization_id, status, amount_krw, duration_weeks, approach, milestones, submitted_at, revision)
       VALUES ($1, $2, $3, 1000000, 4, '파일 테스트', '[{"title":"구축","weeks":4,"amountKrw":1000000}]',
               CASE WHEN $3 = 'DRAFT' THEN NULL ELSE now() END, CASE WHEN $3 = 'DRAFT' THEN 0 ELSE 1 END)
       RETURNING id`,
      [demandId, lead.organizationId, status],
    );
    await ds.query(`INSERT INTO bid_partners (bid_id, organization_id, role, share_percent) VALUES ($1, $2, 'DATA_LABELLING', 20)`, [
      row.id,
      partner.organizationId,
    ]);
    return row.id as string;
  };
  const link = async (fileId: string, token?: string) => {
    const res = await t.gql(LINK, { id: fileId }, { token });
    return res.errors?.[0]?.extensions.code ?? (res.data!.storedFile.downloadUrl ? 'link' : 'no-link');
  };
  const code = (res: { errors?: Array<{ extensions: { code: string } }> }) => res.errors?.[0]?.extensions.code;

  beforeAll(async () => {
    t = await bootTestApp();
    ds = t.app.get(DataSource);
    sme = await signUpOrganization(t, { kind: 'SME' as never });
    otherSme = await signUpOrganization(t, { kind: 'SME' as never });
    bidder = await signUpOrganization(t, { kind: 'AI_SUPPLIER' as never });
    partner = await signUpOrganization(t, { kind: 'AI_SUPPLIER' as never });
    competitor = await signUpOrganization(t, { kind: 'SI_INTEGRATOR' as never });
    staff = (await signInStaff(t)).accessToken;
  });
  afterAll(() => t.close());

  it('a draft bid: the bidder, its partner and staff; not the demand owner (drafts are not theirs to see), a competitor or anonymous', async () => {
    const b = await bid('DRAFT');
    const proposal = await upload(bidder, '제안서.pdf', samples.pdf());
    expect((await t.gql(ATTACH, { b, f: [proposal] }, { token: bidder.accessToken })).data!.attachBidFiles).toEqual([
      { id: proposal, name: '제안서.pdf' },
    ]);
    expect(await link(proposal, bidder.accessToken)).toBe('link');
    expect(await link(proposal, partner.accessToken)).toBe('link');
    expect(await link(proposal, staff)).toBe('link');
    expect(await link(proposal, sme.accessToken)).toBe('FORBIDDEN');
    expect(await link(proposal, competitor.accessToken)).toBe('FORBIDDEN');
    expect(await link(proposal, otherSme.accessToken)).toBe('FORBIDDEN');
    expect(await link(proposal, undefined)).toBe('UNAUTHENTICATED');
  });

  it('a submitted bid: the demand owner downloads the quote (an XLSX, as an attachment); a competitor still gets nothing', async () => {
    const b = await bid('SUBMITTED');
    const quote = await upload(bidder, '견적서.xlsx', samples.xlsx());
    const before = (await t.gql(BID_FILES, { id: b }, { token: bidder.accessToken })).data!.bid;
    expect(code(await t.gql(ATTACH, { b, f: [quote] }, { token: bidder.accessToken }))).toBeUndefined();
    // The files belong to the bid, not to a revision: attaching is no new revision and no version bump.
    const owner = (await t.gql(BID_FILES, { id: b }, { token: sme.accessToken })).data!.bid;
    expect(owner).toMatchObject({ version: before.version, revision: before.revision });
    expect(owner.files).toEqual([{ id: quote, name: '견적서.xlsx', downloadUrl: expect.stringMatching(/^\/files\//) }]);
    const res = await t.app.inject({ method: 'GET', url: owner.files[0].downloadUrl });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="___.xlsx"; filename*=UTF-8''${encodeURIComponent('견적서.xlsx')}`,
    );

    // A competing bidder on the same demand: no link, and not even the bid.
    const [{ demandId }] = await ds.query(`SELECT demand_id AS "demandId" FROM bids WHERE id = $1`, [b]);
    const theirs = await bid('SUBMITTED', competitor, demandId);
    expect(theirs).not.toBe(b);
    expect(await link(quote, competitor.accessToken)).toBe('FORBIDDEN');
    expect(code(await t.gql(BID_FILES, { id: b }, { token: competitor.accessToken }))).toBe('NOT_FOUND');
    expect(await link(quote, otherSme.accessToken)).toBe('FORBIDDEN');
  });

  it('only the lead changes files, with its own uploads, while the bid is editable; a partner who declined loses access', async () => {
    const b = await bid('SUBMITTED');
    const mine = await upload(bidder, 'a.pdf', samples.pdf());
    const partners = await upload(partner, 'b.pdf', samples.pdf());
    const smes = await upload(sme, 'c.pdf', samples.pdf());
    expect(code(await t.gql(ATTACH, { b, f: [partners] }, { token: partner.accessToken }))).toBe('FORBIDDEN');
    expect(code(await t.gql(ATTACH, { b, f: [smes] }, { token: sme.accessToken }))).toBe('FORBIDDEN');
    expect(code(await t.gql(ATTACH, { b, f: [mine] }, { token: competitor.accessToken }))).toBe('NOT_FOUND');
    expect(code(await t.gql(ATTACH, { b, f: [partners] }, { token: bidder.accessToken }))).toBe('FORBIDDEN'); // someone else's upload
    expect(code(await t.gql(ATTACH, { b, f: [mine] }, { token: bidder.accessToken }))).toBeUndefined();
    expect(await link(mine, partner.accessToken)).toBe('link');
    await ds.query(`UPDATE bid_partners SET status = 'DECLINED' WHERE bid_id = $1`, [b]);
    expect(await link(mine, partner.accessToken)).toBe('FORBIDDEN');

    expect(code(await t.gql(DETACH, { b, f: mine }, { token: sme.accessToken }))).toBe('FORBIDDEN');
    expect((await t.gql(DETACH, { b, f: mine }, { token: bidder.accessToken })).data!.detachBidFile).toBe(true);
    expect(await link(mine, bidder.accessToken)).toBe('NOT_FOUND');

    const shortlisted = await bid('SHORTLISTED');
    const late = await upload(bidder, 'late.pdf', samples.pdf());
    expect(code(await t.gql(ATTACH, { b: shortlisted, f: [late] }, { token: bidder.accessToken }))).toBe('CONFLICT');
    const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM bid_events WHERE bid_id = $1 AND action = 'files-changed'`, [b]);
    expect(n).toBe(2); // attach and detach, each recorded on the bid
  });

  it('at most 10 files per bid', async () => {
    const b = await bid('DRAFT');
    const ids = [];
    for (let i = 0; i < 11; i++) ids.push(await upload(bidder, `p${i}.pdf`, samples.pdf()));
    const refused = await t.gql(ATTACH, { b, f: ids }, { token: bidder.accessToken });
    expect(refused.errors![0].extensions.fields).toEqual([expect.objectContaining({ path: 'fileIds', rule: 'max-items' })]);
    expect(code(await t.gql(ATTACH, { b, f: ids.slice(0, 10) }, { token: bidder.accessToken }))).toBeUndefined();
  });
});
