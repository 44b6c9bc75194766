import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  bootTestApp,
  createDemand,
  publish,
  signInStaff,
  signUpOrganization,
  type SignedUp,
  type TestApp,
  transition,
} from '@aimatch/api-testing';
import { DataSource } from 'typeorm';
import { multipartBody, samples } from '../../files/__tests__/sample-files';

const ATTACH = 'mutation($l: ID!, $f: [ID!]!) { attachListingFiles(listingId: $l, fileIds: $f) { id name contentType } }';
const DETACH = 'mutation($l: ID!, $f: ID!) { detachListingFile(listingId: $l, fileId: $f) }';
const FILES = 'query($id: ID!) { listing(id: $id) { id version ... on DemandListing { files { id name downloadUrl } } } }';
const LINK = 'query($id: ID!) { storedFile(id: $id) { id downloadUrl } }';

/** #14 (4): RFP / 과업지시서 and sample images on a demand; a file's access is the demand's read policy. */
describe('files on a demand listing', () => {
  let t: TestApp;
  let ds: DataSource;
  let sme: SignedUp;
  let colleague: SignedUp; // made a member of the SME's organization
  let otherSme: SignedUp;
  let supplier: SignedUp; // verified
  let unverified: SignedUp;
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
  const filesOf = async (listingId: string, token?: string) => {
    const res = await t.gql(FILES, { id: listingId }, { token });
    return res.data?.listing?.files as Array<{ id: string; name: string; downloadUrl: string | null }> | undefined;
  };
  /** The outcome a viewer gets when asking for a download link of the file. */
  const link = async (fileId: string, token?: string) => {
    const res = await t.gql(LINK, { id: fileId }, { token });
    return res.errors?.[0]?.extensions.code ?? (res.data!.storedFile.downloadUrl ? 'link' : 'no-link');
  };
  const code = (res: { errors?: Array<{ extensions: { code: string } }> }) => res.errors?.[0]?.extensions.code;

  beforeAll(async () => {
    t = await bootTestApp();
    ds = t.app.get(DataSource);
    sme = await signUpOrganization(t, { kind: 'SME' as never });
    colleague = await signUpOrganization(t, { kind: 'SME' as never });
    otherSme = await signUpOrganization(t, { kind: 'SME' as never });
    supplier = await signUpOrganization(t, { kind: 'AI_SUPPLIER' as never });
    unverified = await signUpOrganization(t, { kind: 'AI_SUPPLIER' as never });
    await ds.query(`UPDATE organizations SET verification_status = 'VERIFIED' WHERE id = $1`, [supplier.organizationId]);
    await ds.query(`INSERT INTO memberships (user_id, organization_id, role) VALUES ($1, $2, 'MEMBER')`, [
      colleague.userId,
      sme.organizationId,
    ]);
    staff = (await signInStaff(t)).accessToken;
  });
  afterAll(() => t.close());

  it('a draft demand: the organization and staff may download its RFP; other organizations and anonymous may not', async () => {
    const draft = await createDemand(t, sme);
    const rfp = await upload(sme, '과업지시서.pdf', samples.pdf());
    const attached = await t.gql(ATTACH, { l: draft.id, f: [rfp] }, { token: sme.accessToken });
    expect(attached.data!.attachListingFiles).toEqual([{ id: rfp, name: '과업지시서.pdf', contentType: 'application/pdf' }]);
    // Attaching changes nothing else of the demand: no version bump, still a draft.
    const after = await t.gql(FILES, { id: draft.id }, { token: sme.accessToken });
    expect(after.data!.listing.version).toBe(draft.version);

    expect(await link(rfp, sme.accessToken)).toBe('link');
    expect(await link(rfp, colleague.accessToken)).toBe('link');
    expect(await link(rfp, staff)).toBe('link');
    expect(await link(rfp, otherSme.accessToken)).toBe('FORBIDDEN');
    expect(await link(rfp, supplier.accessToken)).toBe('FORBIDDEN');
    expect(await link(rfp, undefined)).toBe('UNAUTHENTICATED');
    expect(await filesOf(draft.id, supplier.accessToken)).toBeUndefined(); // the draft itself is NOT_FOUND to them

    // The link works, opens inline (a PDF) and is no longer handed out once the member is removed.
    const own = await filesOf(draft.id, colleague.accessToken);
    const res = await t.app.inject({ method: 'GET', url: own![0].downloadUrl! });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/^inline;/);
    await ds.query(`DELETE FROM memberships WHERE user_id = $1 AND organization_id = $2`, [colleague.userId, sme.organizationId]);
    expect(await link(rfp, colleague.accessToken)).toBe('FORBIDDEN');
    await ds.query(`INSERT INTO memberships (user_id, organization_id, role) VALUES ($1, $2, 'MEMBER')`, [
      colleague.userId,
      sme.organizationId,
    ]);
  });

  it('a published public demand: anyone who can read it gets a link, anonymous included', async () => {
    const demand = await publish(t, await createDemand(t, sme), sme.accessToken, staff);
    const image = await upload(sme, '불량 샘플.png', samples.png());
    expect(code(await t.gql(ATTACH, { l: demand.id, f: [image] }, { token: sme.accessToken }))).toBeUndefined();
    for (const token of [supplier.accessToken, unverified.accessToken, otherSme.accessToken, staff, undefined]) {
      const files = await filesOf(demand.id, token);
      expect(files).toEqual([{ id: image, name: '불량 샘플.png', downloadUrl: expect.stringMatching(/^\/files\//) }]);
    }
  });

  it('a demand for verified suppliers only: its files follow it (verified supplier yes; unverified, other SMEs, anonymous no)', async () => {
    const demand = await publish(t, await createDemand(t, sme, { visibility: 'VERIFIED_SUPPLIERS' }), sme.accessToken, staff);
    const rfp = await upload(sme, 'rfp.pdf', samples.pdf());
    expect(code(await t.gql(ATTACH, { l: demand.id, f: [rfp] }, { token: sme.accessToken }))).toBeUndefined();
    expect(await link(rfp, supplier.accessToken)).toBe('link');
    expect(await link(rfp, unverified.accessToken)).toBe('FORBIDDEN');
    expect(await link(rfp, otherSme.accessToken)).toBe('FORBIDDEN');
    const anonymous = await t.gql(FILES, { id: demand.id });
    expect(anonymous.errors?.[0]?.extensions.code).toBe('NOT_FOUND');
  });

  it("only the demand's organization changes its files, and only with its own staged uploads", async () => {
    const demand = await createDemand(t, sme);
    const mine = await upload(sme, 'a.pdf', samples.pdf());
    const theirs = await upload(otherSme, 'b.pdf', samples.pdf());
    expect(code(await t.gql(ATTACH, { l: demand.id, f: [theirs] }, { token: sme.accessToken }))).toBe('FORBIDDEN');
    expect(code(await t.gql(ATTACH, { l: demand.id, f: [mine] }, { token: otherSme.accessToken }))).toBe('NOT_FOUND');
    expect(code(await t.gql(ATTACH, { l: demand.id, f: [mine] }, { token: staff }))).toBe('FORBIDDEN');
    expect(code(await t.gql(ATTACH, { l: demand.id, f: [mine] }, { token: sme.accessToken }))).toBeUndefined();
    // A file attached here cannot be attached to another demand.
    const other = await createDemand(t, sme);
    expect(code(await t.gql(ATTACH, { l: other.id, f: [mine] }, { token: sme.accessToken }))).toBe('CONFLICT');
    // Detach: a colleague may; then the file is gone for everyone.
    expect((await t.gql(DETACH, { l: demand.id, f: mine }, { token: colleague.accessToken })).data!.detachListingFile).toBe(true);
    expect(await filesOf(demand.id, sme.accessToken)).toEqual([]);
    expect(await link(mine, sme.accessToken)).toBe('NOT_FOUND');
    expect(code(await t.gql(DETACH, { l: demand.id, f: mine }, { token: sme.accessToken }))).toBe('NOT_FOUND');
  });

  it('at most 10 files per demand; evidence uploads are not demand documents; not while under review', async () => {
    const demand = await createDemand(t, sme);
    const ids = [];
    for (let i = 0; i < 10; i++) ids.push(await upload(sme, `f${i}.pdf`, samples.pdf()));
    expect(code(await t.gql(ATTACH, { l: demand.id, f: ids }, { token: sme.accessToken }))).toBeUndefined();
    const eleventh = await upload(sme, 'f10.pdf', samples.pdf());
    const refused = await t.gql(ATTACH, { l: demand.id, f: [eleventh] }, { token: sme.accessToken });
    expect(refused.errors![0].extensions.fields).toEqual([expect.objectContaining({ path: 'fileIds', rule: 'max-items' })]);

    const other = await createDemand(t, sme);
    const { payload, contentType } = multipartBody('증빙.pdf', samples.pdf());
    const evidence = await t.app.inject({
      method: 'POST',
      url: '/files?kind=evidence',
      headers: { 'content-type': contentType, authorization: `Bearer ${sme.accessToken}` },
      payload,
    });
    const wrongKind = await t.gql(ATTACH, { l: other.id, f: [evidence.json<{ id: string }>().id] }, { token: sme.accessToken });
    expect(wrongKind.errors![0].extensions.code).toBe('BAD_USER_INPUT');

    const submitted = await transition(t, 'submitListing', other, sme.accessToken);
    expect(submitted.data?.submitListing.status).toBe('SUBMITTED');
    const underReview = await t.gql(ATTACH, { l: other.id, f: [eleventh] }, { token: sme.accessToken });
    expect(code(underReview)).toBe('CONFLICT');
  });
});
