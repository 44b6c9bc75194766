import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  bootTestApp,
  createSupply,
  settleOutbox,
  signInStaff,
  signUpOrganization,
  supplyInput,
  type SignedUp,
  type TestApp,
  transition,
} from '@aimatch/api-testing';

const CHANGES = `query($id: ID!) { listing(id: $id) { id version status
  changesSincePublished { publishedVersion publishedAt changes { path label before after } } } }`;

/** The published-version snapshot and the diff staff and the owner see after an edit. */
describe('Listing.changesSincePublished', () => {
  let t: TestApp;
  let owner: SignedUp;
  let other: SignedUp;
  let staff: { accessToken: string };

  const changes = async (id: string, token?: string) => (await t.gql(CHANGES, { id }, { token })).data!.listing;

  beforeAll(async () => {
    t = await bootTestApp();
    owner = await signUpOrganization(t, { kind: 'AI_SUPPLIER' as never });
    other = await signUpOrganization(t, { kind: 'AI_SUPPLIER' as never });
    staff = await signInStaff(t);
  });
  afterAll(() => t.close());

  it('is null until the listing was first published, then lists what the owner changed since, for owner and staff only', async () => {
    const draft = await createSupply(t, owner);
    expect((await changes(draft.id, owner.accessToken)).changesSincePublished).toBeNull();
    const submitted = (await transition(t, 'submitListing', draft, owner.accessToken)).data!.submitListing;
    expect((await changes(submitted.id, staff.accessToken)).changesSincePublished).toBeNull();

    const published = (await transition(t, 'approveListing', submitted, staff.accessToken)).data!.approveListing;
    const live = await changes(published.id, owner.accessToken);
    expect(live.changesSincePublished).toMatchObject({ publishedVersion: published.version, changes: [] });

    const edited = await t.gql(
      `mutation($id: ID!, $v: Int!, $i: SupplyListingInput!) { updateSupplyListing(id: $id, version: $v, input: $i) { id version status } }`,
      {
        id: published.id,
        v: published.version,
        i: supplyInput({
          title: '금속 가공 라인 인라인 비전 검사 (개정)',
          commercialTerms: { minAmountKrw: 80_000_000, maxAmountKrw: 250_000_000, leadTimeWeeks: 14 },
        }),
      },
      { token: owner.accessToken },
    );
    expect(edited.errors).toBeUndefined();
    expect(edited.data!.updateSupplyListing.status).toBe('SUBMITTED');
    // The material edit went back to review: staff are told of the resubmission as of the first submission.
    await settleOutbox(t);
    const staffNotes = await t.gql(
      '{ notifications(first: 50) { edges { node { type link { id } } } } }',
      {},
      { token: staff.accessToken },
    );
    expect(
      staffNotes.data!.notifications.edges.filter((e: any) => e.node.type === 'LISTING_SUBMITTED' && e.node.link?.id === published.id),
    ).toHaveLength(2);

    for (const token of [owner.accessToken, staff.accessToken]) {
      const diff = (await changes(published.id, token)).changesSincePublished;
      expect(diff.publishedVersion).toBe(published.version);
      expect(Number.isNaN(Date.parse(diff.publishedAt))).toBe(false);
      expect(diff.changes).toEqual([
        expect.objectContaining({ path: 'CommercialTerms.minAmountKrw', before: '60000000', after: '80000000' }),
        expect.objectContaining({
          path: 'title',
          before: '금속 가공 라인 인라인 비전 검사',
          after: '금속 가공 라인 인라인 비전 검사 (개정)',
        }),
      ]);
      expect(diff.changes[0].label).toBeTruthy();
    }
    // Another organization (and an anonymous visitor) does not see the listing under review at all, or no diff.
    const foreign = await t.gql(CHANGES, { id: published.id }, { token: other.accessToken });
    expect(foreign.data?.listing?.changesSincePublished ?? null).toBeNull();

    // Approving the edit makes it the published version: nothing changed since.
    const approved = (await transition(t, 'approveListing', edited.data!.updateSupplyListing, staff.accessToken)).data!.approveListing;
    const after = (await changes(approved.id, owner.accessToken)).changesSincePublished;
    expect(after).toMatchObject({ publishedVersion: approved.version, changes: [] });
    // The public listing shows no diff to another organization.
    expect((await changes(approved.id, other.accessToken)).changesSincePublished).toBeNull();
  });
});
