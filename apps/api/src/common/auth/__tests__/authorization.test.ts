import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  bootTestApp,
  currentConsents,
  createDemand,
  createSupply,
  publish,
  signInStaff,
  signUpOrganization,
  type SignedUp,
  type TestApp,
  TEST_PASSWORD,
  transition,
  validBrn,
} from '@aimatch/api-testing';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ChatService } from '../../../modules/chat/chat.service';

/**
 * Deny by default, proven: every root field of the schema must have a row here with the
 * expected outcome per role. A new query or mutation without a row fails this test.
 * `allow` = not refused by authorization (input errors may still occur); `deny` =
 * UNAUTHENTICATED or FORBIDDEN; `hidden` = NOT_FOUND for something the role may not even see.
 */
type Role = 'anonymous' | 'sme' | 'supplier' | 'staff';
type Outcome = 'allow' | 'deny' | 'hidden';
interface World {
  sme: SignedUp;
  supplier: SignedUp;
  staffToken: string;
  publishedSupplyId: string;
  publishedDemandId: string;
}
interface Rule {
  document: string;
  variables?: (w: World) => Promise<Record<string, unknown>> | Record<string, unknown>;
  expect: Record<Role, Outcome>;
}

const everyone: Record<Role, Outcome> = { anonymous: 'allow', sme: 'allow', supplier: 'allow', staff: 'allow' };
const signedIn: Record<Role, Outcome> = { anonymous: 'deny', sme: 'allow', supplier: 'allow', staff: 'allow' };
const staffOnly: Record<Role, Outcome> = { anonymous: 'deny', sme: 'deny', supplier: 'deny', staff: 'allow' };
const smeOwnerOnly: Record<Role, Outcome> = { anonymous: 'deny', sme: 'allow', supplier: 'deny', staff: 'deny' };
const supplierOwnerOnly: Record<Role, Outcome> = { anonymous: 'deny', sme: 'deny', supplier: 'allow', staff: 'deny' };
/** An SME draft: the owner acts, staff sees it but may not act, others do not see it. */
const smeDraftOwner: Record<Role, Outcome> = { anonymous: 'deny', sme: 'allow', supplier: 'hidden', staff: 'deny' };
/** A submitted SME listing: staff decides; the owner sees it but may not decide. */
const staffDecides: Record<Role, Outcome> = { anonymous: 'deny', sme: 'deny', supplier: 'deny', staff: 'allow' };
/** A published supply: only its owner may act on it. */
const publishedSupplyOwner: Record<Role, Outcome> = { anonymous: 'deny', sme: 'deny', supplier: 'allow', staff: 'deny' };
/** Matches of a published listing: its owner and staff read them; others see the listing but not its matches. */
const demandOwnerOrStaff: Record<Role, Outcome> = { anonymous: 'deny', sme: 'allow', supplier: 'deny', staff: 'allow' };
const supplyOwnerOrStaff: Record<Role, Outcome> = { anonymous: 'deny', sme: 'deny', supplier: 'allow', staff: 'allow' };

/** Conversations: only participants read or act; staff (not participants) are refused like strangers. */
const participantsOnly: Record<Role, Outcome> = { anonymous: 'deny', sme: 'allow', supplier: 'allow', staff: 'deny' };
const OPEN = 'mutation($i: OpenConversationInput!) { openConversation(input: $i) { id } }';
/** The supplier's pre-bid Q&A on the SME's published demand, with one message from the supplier. */
const conversationWithMessage = async (w: World) => {
  const open = await t.gql(
    OPEN,
    { i: { contextType: 'DEMAND', contextId: w.publishedDemandId, supplyListingId: w.publishedSupplyId } },
    { token: w.supplier.accessToken },
  );
  const conversationId = open.data!.openConversation.id as string;
  const viewer = { userId: w.supplier.userId, roles: [], locale: 'KO' as never, sessionId: 'authz' };
  const sent = await t.app
    .get(ChatService)
    .send(viewer, { conversationId, clientMessageId: randomUUID(), body: '납기 일정 문의드립니다.' });
  return { conversationId, messageId: sent.message.id };
};
/** A revealed review of the supplier by the SME, written directly (reviews need a completed, awarded demand). */
const visibleReview = async (w: World): Promise<string> => {
  const [row] = await t.app.get(DataSource).query(
    `INSERT INTO reviews (demand_id, side, author_organization_id, subject_organization_id, ratings, rating, body, submitted_at, revealed_at)
     VALUES ($1, 'CLIENT', $2, $3, '{"QUALITY":4,"COMMUNICATION":4,"SCHEDULE":4,"EXPERTISE":4}', 4, '권한 테스트', now(), now())
     ON CONFLICT (demand_id, side) DO UPDATE SET body = EXCLUDED.body RETURNING id`,
    [w.publishedDemandId, w.sme.organizationId, w.supplier.organizationId],
  );
  return row.id as string;
};
const draft = async (w: World) => createDemand(t, w.sme);
/** A bid written directly on a fresh published demand of the SME (the supplier in this world is not verified, so it could not bid itself). */
const bidOn = async (w: World, status: 'DRAFT' | 'SUBMITTED', lead?: string) => {
  const demand = await publish(t, await createDemand(t, w.sme), w.sme.accessToken, w.staffToken);
  const [row] = await t.app.get(DataSource).query(
    `INSERT INTO bids (demand_id, organization_id, status, amount_krw, duration_weeks, approach, milestones, submitted_at, revision)
     VALUES ($1, $2, $3, 1000000, 4, '권한 테스트', '[{"title":"구축","weeks":4,"amountKrw":1000000}]', CASE WHEN $3 = 'DRAFT' THEN NULL ELSE now() END, CASE WHEN $3 = 'DRAFT' THEN 0 ELSE 1 END)
     RETURNING id, version`,
    [demand.id, lead ?? w.supplier.organizationId, status],
  );
  return { id: row.id as string, v: row.version as number, demandId: demand.id };
};
/** A draft bid of another supplier inviting the world's supplier as a consortium partner. */
const invitingBid = async (w: World) => {
  const lead = await signUpOrganization(t, { kind: 'SI_INTEGRATOR' as never });
  const bid = await bidOn(w, 'DRAFT', lead.organizationId);
  await t.app
    .get(DataSource)
    .query(`INSERT INTO bid_partners (bid_id, organization_id, role, share_percent) VALUES ($1, $2, 'DATA_LABELLING', 20)`, [
      bid.id,
      w.supplier.organizationId,
    ]);
  return { id: bid.id };
};
/** A demand of the SME awarded to the world's supplier. */
const awardedDemand = async (w: World) => {
  const bid = await bidOn(w, 'SUBMITTED');
  const ds = t.app.get(DataSource);
  await ds.query(`UPDATE bids SET status = 'ACCEPTED' WHERE id = $1`, [bid.id]);
  const [[l]] = await ds.query(`UPDATE listings SET status = 'AWARDED', version = version + 1 WHERE id = $1 RETURNING version`, [
    bid.demandId,
  ]);
  return { id: bid.demandId, v: l.version as number };
};
/** A demand of the SME awarded (through acceptBid) to the world's supplier: its project at the given step. */
const awardedProject = async (w: World, step: 'PLANNED' | 'DELIVERED' | 'PROPOSED') => {
  const bid = await bidOn(w, 'SUBMITTED');
  const accepted = await t.gql('mutation($id: ID!, $v: Int!) { acceptBid(id: $id, version: $v) { id } }', bid, {
    token: w.sme.accessToken,
  });
  if (!accepted.data) throw new Error(JSON.stringify(accepted.errors));
  const project = await t.gql<{ project: { milestones: Array<{ id: string }> } }>(
    'query($d: ID!) { project(demandId: $d) { milestones { id } } }',
    { d: bid.demandId },
    { token: w.sme.accessToken },
  );
  const milestoneId = project.data!.project.milestones[0].id;
  if (step === 'DELIVERED')
    await t.gql(
      'mutation($m: ID!) { deliverMilestone(milestoneId: $m, note: "납품") { version } }',
      { m: milestoneId },
      { token: w.supplier.accessToken },
    );
  if (step === 'PROPOSED')
    await t.gql(
      'mutation($d: ID!) { proposeCompletion(demandId: $d, note: "합의 종료") { version } }',
      { d: bid.demandId },
      { token: w.supplier.accessToken },
    );
  return { milestoneId, demandId: bid.demandId };
};
/** The project's two parties act; staff reads it but is neither side. */
const projectParties: Record<Role, Outcome> = { anonymous: 'deny', sme: 'allow', supplier: 'allow', staff: 'deny' };
const BID_CONTENT = {
  amountKrw: 90_000_000,
  durationWeeks: 12,
  approach: '권한 테스트 제안',
  milestones: [{ title: '구축', weeks: 12, amountKrw: 90_000_000 }],
};
/** A submitted bid: its lead withdraws, the demand owner decides, staff only reads. */
const bidderActs: Record<Role, Outcome> = { anonymous: 'deny', sme: 'deny', supplier: 'allow', staff: 'deny' };
/** A draft bid: the lead acts; the demand owner does not see drafts; staff sees it but may not act. */
const draftBidder: Record<Role, Outcome> = { anonymous: 'deny', sme: 'hidden', supplier: 'allow', staff: 'deny' };
const submitted = async (w: World) => (await transition(t, 'submitListing', await draft(w), w.sme.accessToken)).data!.submitListing;
const publishedSupply = async (w: World) => publish(t, await createSupply(t, w.supplier), w.supplier.accessToken, w.staffToken);
const vars = (l: { id: string; version: number }) => ({ id: l.id, v: l.version });
/** An open verification request of a fresh supplier (so that deciding it leaves this world unchanged). */
const openVerificationRequest = async () => {
  const owner = await signUpOrganization(t, { kind: 'AI_SUPPLIER' as never });
  const res = await t.gql(
    'mutation($i: RequestOrganizationVerificationInput!) { requestOrganizationVerification(input: $i) { id } }',
    { i: { organizationId: owner.organizationId, note: '권한 테스트' } },
    { token: owner.accessToken },
  );
  return res.data!.requestOrganizationVerification.id as string;
};
/** A fresh organization, suspended by staff when asked (suspending this world's organizations would change it). */
const freshOrganization = async (w: World, suspended = false) => {
  const org = await signUpOrganization(t, { kind: 'AI_SUPPLIER' as never });
  if (suspended) {
    await t.gql(
      'mutation($i: SuspendOrganizationInput!) { suspendOrganization(input: $i) { id } }',
      { i: { organizationId: org.organizationId, reason: '권한 테스트' } },
      { token: w.staffToken },
    );
  }
  return org.organizationId;
};

/** An evidence PDF the user uploaded (staged). */
const stagedPdf = async (token: string) => {
  const boundary = 'authz-boundary';
  const res = await t.app.inject({
    method: 'POST',
    url: '/files?kind=evidence',
    headers: { authorization: `Bearer ${token}`, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload:
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n` + `%PDF-1.4\n%%EOF\n\r\n--${boundary}--\r\n`,
  });
  return res.json<{ id: string }>().id;
};
/** A document PDF the user uploaded (staged), for demands, bids and chat (#14 F). */
const stagedDocument = async (token: string) => {
  const boundary = 'authz-boundary';
  const res = await t.app.inject({
    method: 'POST',
    url: '/files?kind=document',
    headers: { authorization: `Bearer ${token}`, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload:
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="rfp.pdf"\r\n\r\n` +
      `%PDF-1.4\n%%EOF\n\r\n--${boundary}--\r\n`,
  });
  return res.json<{ id: string }>().id;
};
/** Certification concepts the withdraw rule rotates through (one PENDING claim per certification). */
const CLAIM_CONCEPTS = ['innobiz', 'mainbiz', 'manufacturing-ai-specialist', 'gs-certification', 'iso-27001', 'isms-p', 'tta-ai-trust'];
let claimCounter = 0;
/** A PENDING certification claim of `owner` (a fresh supplier unless given). */
const pendingClaim = async (owner?: { organizationId: string; accessToken: string }) => {
  const who = owner ?? (await signUpOrganization(t, { kind: 'AI_SUPPLIER' as never }));
  const res = await t.gql(
    'mutation($i: ClaimCertificationInput!) { claimCertification(input: $i) { id } }',
    {
      i: {
        organizationId: who.organizationId,
        conceptId: `urn:aimatch:certification:${CLAIM_CONCEPTS[claimCounter++ % CLAIM_CONCEPTS.length]}`,
        issuedOn: '2025-01-01',
        expiresOn: '2099-12-31',
        evidenceFileIds: [await stagedPdf(who.accessToken)],
      },
    },
    { token: who.accessToken },
  );
  return res.data!.claimCertification.id as string;
};

/** A fresh user added to the SME's organization as a MEMBER (for the member-administration rows; helper M). */
const smeMember = async (w: World): Promise<string> => {
  const person = await signUpOrganization(t);
  await t.app
    .get(DataSource)
    .query(`INSERT INTO memberships (user_id, organization_id, role) VALUES ($1, $2, 'MEMBER')`, [person.userId, w.sme.organizationId]);
  return person.userId;
};
/** A pending invitation of the SME's organization. */
const smeInvitation = async (w: World): Promise<string> => {
  const res = await t.gql(
    'mutation($i: InviteMemberInput!) { inviteMember(input: $i) { id } }',
    { i: { organizationId: w.sme.organizationId, email: `authz-invitee-${randomUUID()}@example.kr` } },
    { token: w.sme.accessToken },
  );
  return res.data!.inviteMember.id as string;
};

/** A case study of the SME's organization (helper P, #14 item 2). */
const smeCaseStudy = async (w: World) => {
  const res = await t.gql(
    'mutation($o: ID!, $i: CaseStudyInput!) { createCaseStudy(organizationId: $o, input: $i) { id } }',
    { o: w.sme.organizationId, i: { title: '권한 사례', industryId: 'urn:aimatch:industry:manufacturing', year: 2024, summary: '요약' } },
    { token: w.sme.accessToken },
  );
  return res.data!.createCaseStudy.id as string;
};

let t: TestApp;

const RULES: Record<string, Rule> = {
  'Query.me': { document: '{ me { user { id } } }', expect: signedIn },
  'Query.organization': {
    document: 'query($id: ID!) { organization(id: $id) { id nameKo } }',
    variables: (w) => ({ id: w.sme.organizationId }),
    expect: signedIn,
  },
  'Query.organizations': { document: '{ organizations(first: 5) { totalCount } }', expect: staffOnly },
  'Query.concepts': { document: '{ concepts(scheme: "task", first: 1) { totalCount } }', expect: everyone },
  'Query.vocabularyVersion': { document: '{ vocabularyVersion }', expect: everyone },
  'Query.legalDocuments': { document: '{ legalDocuments { kind version } }', expect: everyone },
  'Query.myConsents': { document: '{ myConsents { kind version } }', expect: signedIn },
  'Query.pendingConsents': { document: '{ pendingConsents { kind version } }', expect: signedIn },
  'Mutation.acceptConsents': {
    document: 'mutation($c: [ConsentInput!]!) { acceptConsents(consents: $c) { kind } }',
    variables: () => ({ c: [] }),
    expect: signedIn,
  },
  'Mutation.withdrawConsent': { document: 'mutation { withdrawConsent(kind: MARKETING) }', expect: signedIn },
  'Query.myPersonalData': { document: '{ myPersonalData }', expect: signedIn },
  // A wrong password: the check runs (BAD_USER_INPUT, allowed) and nobody's account is deleted.
  'Mutation.deleteAccount': { document: 'mutation { deleteAccount(password: "not-the-password-1") }', expect: signedIn },
  'Mutation.signUp': {
    document: 'mutation($i: SignUpInput!) { signUp(input: $i) { email verificationSent } }',
    variables: () => ({
      i: {
        email: `authz-${Math.random().toString(36).slice(2)}@example.kr`,
        password: TEST_PASSWORD,
        displayName: 'authz',
        organization: { kind: 'AI_SUPPLIER', nameKo: '권한테스트', businessRegistrationNumber: validBrn() },
        consents: currentConsents(),
      },
    }),
    expect: everyone,
  },
  // E-mail verification (helper E): a bad link is an input error for anyone; re-sending is for the signed-in (verified here: CONFLICT).
  'Mutation.verifyEmail': { document: 'mutation { verifyEmail(token: "no-such-token") { email verified } }', expect: everyone },
  'Mutation.resendVerificationEmail': { document: 'mutation { resendVerificationEmail }', expect: signedIn },
  'Mutation.signIn': {
    document: 'mutation($i: SignInInput!) { signIn(input: $i) { accessToken } }',
    variables: (w) => ({ i: { email: w.supplier.email, password: TEST_PASSWORD } }),
    expect: everyone,
  },
  'Mutation.refreshSession': {
    document: 'mutation($r: String!) { refreshSession(refreshToken: $r) { accessToken } }',
    variables: async (w) => {
      const res = await t.gql('mutation($i: SignInInput!) { signIn(input: $i) { refreshToken } }', {
        i: { email: w.supplier.email, password: TEST_PASSWORD },
      });
      return { r: res.data!.signIn.refreshToken };
    },
    expect: everyone,
  },
  'Mutation.signOut': { document: 'mutation { signOut(refreshToken: "unknown-token") }', expect: everyone },
  // Passwords (helper R): input errors (unknown address answers true, bad link, wrong current password) are still "allowed".
  'Mutation.requestPasswordReset': {
    document: 'mutation($e: String!) { requestPasswordReset(email: $e) }',
    variables: () => ({ e: `authz-nobody-${Math.random().toString(36).slice(2)}@example.kr` }),
    expect: everyone,
  },
  'Mutation.resetPassword': {
    document: 'mutation { resetPassword(token: "unknown-token", newPassword: "a-long-new-passphrase-42") }',
    expect: everyone,
  },
  'Mutation.changePassword': {
    document: 'mutation { changePassword(currentPassword: "not-the-password-1", newPassword: "a-long-new-passphrase-42") }',
    expect: signedIn,
  },
  'Mutation.updateMyOrganization': {
    document: 'mutation($i: UpdateOrganizationInput!) { updateMyOrganization(input: $i) { id } }',
    variables: (w) => ({ i: { organizationId: w.sme.organizationId, website: 'https://example.kr' } }),
    expect: smeOwnerOnly,
  },
  'Mutation.inviteMember': {
    document: 'mutation($i: InviteMemberInput!) { inviteMember(input: $i) { id } }',
    variables: (w) => ({ i: { organizationId: w.sme.organizationId, email: `invitee-${Math.random().toString(36).slice(2)}@example.kr` } }),
    expect: smeOwnerOnly,
  },
  'Mutation.acceptInvitation': { document: 'mutation { acceptInvitation(token: "no-such-invitation") { id } }', expect: signedIn },
  'Mutation.updateMe': { document: 'mutation { updateMe(input: { locale: KO }) { user { locale } } }', expect: signedIn },
  'Query.searchListings': { document: '{ searchListings(q: "불량 검출") { totalCount } }', expect: everyone },
  'Query.suggest': { document: '{ suggest(q: "불량") { id } }', expect: everyone },
  'Query.searchIndexStatus': { document: '{ searchIndexStatus { documents } }', expect: staffOnly },
  'Query.concept': { document: '{ concept(id: "urn:aimatch:task:visual-inspection") { id } }', expect: everyone },
  'Query.trustChecklist': { document: '{ trustChecklist { id } }', expect: everyone },
  'Query.listing': {
    document: 'query($id: ID!) { listing(id: $id) { id } }',
    variables: (w) => ({ id: w.publishedSupplyId }),
    expect: everyone,
  },
  'Query.listings': { document: '{ listings(kind: SUPPLY) { totalCount } }', expect: everyone },
  'Query.listingAas': {
    document: 'query($id: ID!) { listingAas(id: $id) }',
    variables: (w) => ({ id: w.publishedSupplyId }),
    expect: everyone,
  },
  'Query.myListings': { document: '{ myListings { totalCount } }', expect: signedIn },
  'Query.listingsForReview': { document: '{ listingsForReview { totalCount } }', expect: staffOnly },
  'Mutation.createDemandListing': {
    document: 'mutation($o: ID!) { createDemandListing(organizationId: $o, input: { title: "권한" }) { id } }',
    variables: (w) => ({ o: w.sme.organizationId }),
    expect: smeOwnerOnly,
  },
  'Mutation.createSupplyListing': {
    document: 'mutation($o: ID!) { createSupplyListing(organizationId: $o, input: { title: "권한" }) { id } }',
    variables: (w) => ({ o: w.supplier.organizationId }),
    expect: supplierOwnerOnly,
  },
  'Mutation.importSupplyFromAas': {
    document: 'mutation($o: ID!) { importSupplyFromAas(organizationId: $o, json: "{}") { id } }',
    variables: (w) => ({ o: w.supplier.organizationId }),
    expect: supplierOwnerOnly,
  },
  'Mutation.previewAasImport': {
    document: 'mutation($o: ID!) { previewAasImport(organizationId: $o, source: { json: "{}" }) { format } }',
    variables: (w) => ({ o: w.supplier.organizationId }),
    expect: supplierOwnerOnly,
  },
  'Mutation.importListingFromAas': {
    document: 'mutation($o: ID!) { importListingFromAas(organizationId: $o, source: { json: "{}" }) { id } }',
    variables: (w) => ({ o: w.supplier.organizationId }),
    expect: supplierOwnerOnly,
  },
  'Mutation.updateDemandListing': {
    document: 'mutation($id: ID!, $v: Int!) { updateDemandListing(id: $id, version: $v, input: { title: "수정" }) { id } }',
    variables: async (w) => vars(await draft(w)),
    expect: smeDraftOwner,
  },
  'Mutation.updateSupplyListing': {
    document: 'mutation($id: ID!, $v: Int!) { updateSupplyListing(id: $id, version: $v, input: { title: "수정" }) { id } }',
    variables: async (w) => vars(await createSupply(t, w.supplier)),
    expect: { anonymous: 'deny', sme: 'hidden', supplier: 'allow', staff: 'deny' },
  },
  'Mutation.submitListing': {
    document: 'mutation($id: ID!, $v: Int!) { submitListing(id: $id, version: $v) { id } }',
    variables: async (w) => vars(await draft(w)),
    expect: smeDraftOwner,
  },
  'Mutation.archiveListing': {
    document: 'mutation($id: ID!, $v: Int!) { archiveListing(id: $id, version: $v) { id } }',
    variables: async (w) => vars(await draft(w)),
    expect: smeDraftOwner,
  },
  'Mutation.approveListing': {
    document: 'mutation($id: ID!, $v: Int!) { approveListing(id: $id, version: $v) { id } }',
    variables: async (w) => vars(await submitted(w)),
    expect: staffDecides,
  },
  'Mutation.rejectListing': {
    document: 'mutation($id: ID!, $v: Int!) { rejectListing(id: $id, version: $v, reason: "부적합") { id } }',
    variables: async (w) => vars(await submitted(w)),
    expect: staffDecides,
  },
  'Mutation.requestListingChanges': {
    document: 'mutation($id: ID!, $v: Int!) { requestListingChanges(id: $id, version: $v, reason: "보완") { id } }',
    variables: async (w) => vars(await submitted(w)),
    expect: staffDecides,
  },
  'Mutation.pauseListing': {
    document: 'mutation($id: ID!, $v: Int!) { pauseListing(id: $id, version: $v) { id } }',
    variables: async (w) => vars(await publishedSupply(w)),
    expect: publishedSupplyOwner,
  },
  'Mutation.resumeListing': {
    document: 'mutation($id: ID!, $v: Int!) { resumeListing(id: $id, version: $v) { id } }',
    variables: async (w) => {
      const p = await publishedSupply(w);
      return vars((await transition(t, 'pauseListing', p, w.supplier.accessToken)).data!.pauseListing);
    },
    expect: { anonymous: 'deny', sme: 'hidden', supplier: 'allow', staff: 'deny' },
  },
  'Query.matchesForDemand': {
    document: 'query($id: ID!) { matchesForDemand(demandId: $id, first: 3) { totalCount } }',
    variables: (w) => ({ id: w.publishedDemandId }),
    expect: demandOwnerOrStaff,
  },
  'Query.recommendedDemands': {
    document: 'query($id: ID!) { recommendedDemands(supplyListingId: $id, first: 3) { totalCount } }',
    variables: (w) => ({ id: w.publishedSupplyId }),
    expect: supplyOwnerOrStaff,
  },
  'Query.recommendedDemandsForOrganization': {
    document: 'query($id: ID!) { recommendedDemandsForOrganization(organizationId: $id, first: 3) { totalCount } }',
    variables: (w) => ({ id: w.supplier.organizationId }),
    expect: supplyOwnerOrStaff,
  },
  'Mutation.decideInferredConcept': {
    document:
      'mutation($id: ID!) { decideInferredConcept(demandId: $id, conceptId: "urn:aimatch:task:visual-inspection", scheme: "task", decision: DISMISSED) { conceptId } }',
    variables: (w) => ({ id: w.publishedDemandId }),
    expect: smeOwnerOnly,
  },
  'Query.suggestDemandFields': {
    document: '{ suggestDemandFields(text: "공장 사진으로 불량 검출") { concept { id } } }',
    expect: signedIn,
  },
  'Query.matchAlerts': { document: '{ matchAlerts { totalCount } }', expect: signedIn },
  'Mutation.createMatchAlert': {
    document: 'mutation($i: CreateMatchAlertInput!) { createMatchAlert(input: $i) { id } }',
    variables: (w) => ({
      i: { organizationId: w.supplier.organizationId, name: '알림', supplyListingId: w.publishedSupplyId, minScore: 60 },
    }),
    expect: { anonymous: 'deny', sme: 'deny', supplier: 'allow', staff: 'deny' },
  },
  'Mutation.deleteMatchAlert': {
    document: 'mutation($id: ID!) { deleteMatchAlert(id: $id) }',
    variables: async (w) => {
      const res = await t.gql(
        'mutation($i: CreateMatchAlertInput!) { createMatchAlert(input: $i) { id } }',
        { i: { organizationId: w.supplier.organizationId, name: '삭제용', minScore: 50, supplyListingId: w.publishedSupplyId } },
        { token: w.supplier.accessToken },
      );
      return { id: res.data!.createMatchAlert.id };
    },
    expect: { anonymous: 'deny', sme: 'hidden', supplier: 'allow', staff: 'hidden' },
  },
  'Query.notifications': { document: '{ notifications(first: 5) { totalCount unreadCount } }', expect: signedIn },
  'Mutation.markNotificationsRead': { document: 'mutation { markNotificationsRead(ids: []) }', expect: signedIn },
  'Query.notificationPreferences': { document: '{ notificationPreferences { type email inApp } }', expect: signedIn },
  'Mutation.updateNotificationPreferences': {
    document:
      'mutation { updateNotificationPreferences(preferences: [{ type: "MATCH_ALERT", email: false, inApp: true }]) { type email } }',
    expect: signedIn,
  },
  'Query.reviewsOf': {
    document: 'query($o: ID!) { reviewsOf(organizationId: $o, first: 5) { totalCount } }',
    variables: (w) => ({ o: w.supplier.organizationId }),
    expect: signedIn,
  },
  // On a demand that is not completed: its owner gets an input error (allowed), nobody else is a party.
  'Mutation.submitReview': {
    document: 'mutation($i: SubmitReviewInput!) { submitReview(input: $i) { id } }',
    variables: (w) => ({
      i: {
        demandId: w.publishedDemandId,
        ratings: ['QUALITY', 'COMMUNICATION', 'SCHEDULE', 'EXPERTISE'].map((criterion) => ({ criterion, score: 4 })),
        body: '좋았습니다.',
      },
    }),
    expect: { anonymous: 'deny', sme: 'allow', supplier: 'deny', staff: 'deny' },
  },
  'Mutation.reportReview': {
    document: 'mutation($id: ID!) { reportReview(id: $id, reason: "허위 내용") }',
    variables: async (w) => ({ id: await visibleReview(w) }),
    expect: signedIn,
  },
  'Mutation.hideReview': {
    document: 'mutation($id: ID!) { hideReview(id: $id, reason: "개인정보 노출") { id hidden } }',
    variables: async (w) => ({ id: await visibleReview(w) }),
    expect: staffOnly,
  },
  'Query.bid': {
    document: 'query($id: ID!) { bid(id: $id) { id revisions { number } } }',
    variables: async (w) => ({ id: (await bidOn(w, 'SUBMITTED')).id }),
    expect: signedIn,
  },
  'Query.bidsForDemand': {
    document: 'query($id: ID!) { bidsForDemand(demandId: $id, first: 5) { totalCount edges { node { id match { score } } } } }',
    variables: (w) => ({ id: w.publishedDemandId }),
    expect: demandOwnerOrStaff,
  },
  'Query.myBids': { document: '{ myBids(first: 5) { totalCount } }', expect: signedIn },
  'Query.platformSettings': { document: '{ platformSettings { bidsVerifiedOrganizationsOnly } }', expect: signedIn },
  'Mutation.createBid': {
    document: 'mutation($i: CreateBidInput!) { createBid(input: $i) { id } }',
    variables: (w) => ({ i: { demandId: w.publishedDemandId, organizationId: w.supplier.organizationId, ...BID_CONTENT } }),
    expect: supplierOwnerOnly,
  },
  'Mutation.updateBid': {
    document: 'mutation($id: ID!, $v: Int!, $i: BidContentInput!) { updateBid(id: $id, version: $v, input: $i) { id } }',
    variables: async (w) => ({ ...(await bidOn(w, 'DRAFT')), i: BID_CONTENT }),
    expect: draftBidder,
  },
  'Mutation.submitBid': {
    document: 'mutation($id: ID!, $v: Int!) { submitBid(id: $id, version: $v) { id } }',
    variables: (w) => bidOn(w, 'DRAFT'),
    expect: draftBidder,
  },
  'Mutation.withdrawBid': {
    document: 'mutation($id: ID!, $v: Int!) { withdrawBid(id: $id, version: $v) { id } }',
    variables: (w) => bidOn(w, 'SUBMITTED'),
    expect: bidderActs,
  },
  'Mutation.respondToConsortiumInvitation': {
    document: 'mutation($id: ID!) { respondToConsortiumInvitation(bidId: $id, accept: true) { id } }',
    variables: (w) => invitingBid(w),
    expect: draftBidder,
  },
  'Mutation.shortlistBid': {
    document: 'mutation($id: ID!, $v: Int!) { shortlistBid(id: $id, version: $v) { id } }',
    variables: (w) => bidOn(w, 'SUBMITTED'),
    expect: smeOwnerOnly,
  },
  'Mutation.declineBid': {
    document: 'mutation($id: ID!, $v: Int!) { declineBid(id: $id, version: $v, reason: "예산 초과") { id } }',
    variables: (w) => bidOn(w, 'SUBMITTED'),
    expect: smeOwnerOnly,
  },
  'Mutation.acceptBid': {
    document: 'mutation($id: ID!, $v: Int!) { acceptBid(id: $id, version: $v) { id } }',
    variables: (w) => bidOn(w, 'SUBMITTED'),
    expect: smeOwnerOnly,
  },
  'Mutation.cancelDemand': {
    document: 'mutation($id: ID!, $v: Int!) { cancelDemand(id: $id, version: $v, reason: "예산 삭감") { id } }',
    variables: (w) => awardedDemand(w),
    expect: smeOwnerOnly,
  },
  // Sets the default again, so the rest of this world is unchanged.
  'Mutation.setBidVerificationRequired': {
    document: 'mutation { setBidVerificationRequired(required: true) { bidsVerifiedOrganizationsOnly } }',
    expect: staffOnly,
  },
  'Query.conversations': { document: '{ conversations(first: 5) { totalCount edges { node { id unreadCount } } } }', expect: signedIn },
  'Query.messages': {
    document: 'query($c: ID!) { messages(conversationId: $c, first: 5) { totalCount edges { node { seq body } } } }',
    variables: async (w) => ({ c: (await conversationWithMessage(w)).conversationId }),
    expect: participantsOnly,
  },
  'Mutation.inviteToBid': {
    document: 'mutation($d: ID!, $s: ID!) { inviteToBid(demandId: $d, supplyListingId: $s) { alreadyInvited } }',
    variables: (w) => ({ d: w.publishedDemandId, s: w.publishedSupplyId }),
    expect: smeOwnerOnly,
  },
  'Mutation.openConversation': {
    document: OPEN,
    variables: (w) => ({ i: { contextType: 'DEMAND', contextId: w.publishedDemandId, supplyListingId: w.publishedSupplyId } }),
    expect: participantsOnly,
  },
  'Mutation.reportMessage': {
    document: 'mutation($id: ID!) { reportMessage(id: $id, reason: "스팸") }',
    variables: async (w) => ({ id: (await conversationWithMessage(w)).messageId }),
    expect: participantsOnly,
  },
  'Query.reportedMessages': { document: '{ reportedMessages(first: 5) { totalCount } }', expect: staffOnly },
  'Query.reportedMessageContext': {
    document: 'query($id: ID!) { reportedMessageContext(reportId: $id) { messages { seq } } }',
    variables: async (w) => {
      const { messageId } = await conversationWithMessage(w);
      const reporter = { userId: w.sme.userId, roles: [], locale: 'KO' as never, sessionId: 'authz' };
      return { id: await t.app.get(ChatService).reportMessage(reporter, messageId, '부적절한 표현') };
    },
    expect: staffOnly,
  },
  // The SME asks first; its second call is a CONFLICT (still allowed by authorization). Non-members are refused.
  'Mutation.requestOrganizationVerification': {
    document: 'mutation($i: RequestOrganizationVerificationInput!) { requestOrganizationVerification(input: $i) { id status } }',
    variables: (w) => ({ i: { organizationId: w.sme.organizationId, note: '권한 테스트' } }),
    expect: smeOwnerOnly,
  },
  'Query.verificationQueue': {
    document: '{ verificationQueue(first: 5) { totalCount edges { node { id waitingSeconds } } } }',
    expect: staffOnly,
  },
  'Query.verificationRequest': {
    document:
      'query($id: ID!) { verificationRequest(id: $id) { request { id evidence { id downloadUrl } } brnCheck { valid } listingsCount members { role } } }',
    variables: async () => ({ id: await openVerificationRequest() }),
    expect: staffOnly,
  },
  'Mutation.decideVerification': {
    document: 'mutation($i: DecideVerificationInput!) { decideVerification(input: $i) { id status } }',
    variables: async () => ({ i: { requestId: await openVerificationRequest(), decision: 'REJECTED', reason: '서류 미비' } }),
    expect: staffOnly,
  },
  'Query.auditLog': {
    document:
      '{ auditLog(first: 5, filter: { action: "verification.decided" }) { totalCount edges { node { id action actor { email } } } } }',
    expect: staffOnly,
  },
  'Query.listingPrechecks': {
    document:
      'query($ids: [ID!]!) { listingPrechecks(listingIds: $ids) { listingId completeness flags { kind message relatedListing { id } } } }',
    variables: (w) => ({ ids: [w.publishedSupplyId] }),
    expect: staffOnly,
  },
  'Mutation.bulkApproveListings': {
    document: 'mutation($ids: [ID!]!) { bulkApproveListings(ids: $ids) { approved skipped { id reason } } }',
    variables: (w) => ({ ids: [w.publishedSupplyId] }),
    expect: staffOnly,
  },
  'Query.prohibitedKeywords': {
    document: '{ prohibitedKeywords { id term } }',
    expect: staffOnly,
  },
  'Mutation.addProhibitedKeyword': {
    document: 'mutation($term: String!) { addProhibitedKeyword(term: $term) { id } }',
    variables: () => ({ term: `권한시험-${randomUUID().slice(0, 8)}` }),
    expect: staffOnly,
  },
  'Mutation.removeProhibitedKeyword': {
    document: 'mutation($id: ID!) { removeProhibitedKeyword(id: $id) }',
    variables: async () => {
      const [row] = await t.app
        .get(DataSource)
        .query(`INSERT INTO prohibited_keywords (term, compact) VALUES ($1, $1) RETURNING id`, [`삭제시험-${randomUUID().slice(0, 8)}`]);
      return { id: row.id };
    },
    expect: staffOnly,
  },
  'Mutation.suspendOrganization': {
    document: 'mutation($i: SuspendOrganizationInput!) { suspendOrganization(input: $i) { id verificationStatus } }',
    variables: async (w) => ({ i: { organizationId: await freshOrganization(w), reason: '권한 테스트' } }),
    expect: staffOnly,
  },
  'Mutation.unsuspendOrganization': {
    document: 'mutation($i: UnsuspendOrganizationInput!) { unsuspendOrganization(input: $i) { id verificationStatus } }',
    variables: async (w) => ({ i: { organizationId: await freshOrganization(w, true) } }),
    expect: staffOnly,
  },
  // A file the supplier uploaded and has not attached yet: only its uploader may see it.
  'Query.storedFile': {
    document: 'query($id: ID!) { storedFile(id: $id) { id name downloadUrl } }',
    variables: async (w) => {
      const boundary = 'authz-boundary';
      const res = await t.app.inject({
        method: 'POST',
        url: '/files?kind=evidence',
        headers: { authorization: `Bearer ${w.supplier.accessToken}`, 'content-type': `multipart/form-data; boundary=${boundary}` },
        payload:
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n` +
          `%PDF-1.4\n%%EOF\n\r\n--${boundary}--\r\n`,
      });
      return { id: res.json<{ id: string }>().id };
    },
    expect: supplierOwnerOnly,
  },
  // Lead (#14): a chat thread's file links in one request; files the viewer may not download are left out, not refused.
  'Query.storedFiles': { document: '{ storedFiles(ids: []) { id } }', expect: signedIn },
  // M (#12 item 5): moderation. Resolving an already resolved report is a CONFLICT (still allowed by authorization).
  'Mutation.resolveMessageReport': {
    document: 'mutation($id: ID!) { resolveMessageReport(reportId: $id, action: DISMISS, reason: "문제 없음") { id status resolution } }',
    variables: async (w) => {
      const { messageId } = await conversationWithMessage(w);
      const reporter = { userId: w.sme.userId, roles: [], locale: 'KO' as never, sessionId: 'authz' };
      return { id: await t.app.get(ChatService).reportMessage(reporter, messageId, '부적절한 표현') };
    },
    expect: staffOnly,
  },
  'Query.reviewReports': {
    document: '{ reviewReports(first: 5) { totalCount edges { node { reviewId reportCount review { body blindUntil } } } } }',
    expect: staffOnly,
  },
  'Mutation.dismissReviewReports': {
    document: 'mutation($id: ID!) { dismissReviewReports(reviewId: $id, reason: "문제 없음") }',
    variables: async (w) => {
      const id = await visibleReview(w);
      await t.gql('mutation($id: ID!) { reportReview(id: $id, reason: "허위 내용") }', { id }, { token: w.supplier.accessToken });
      return { id };
    },
    expect: staffOnly,
  },
  // Certification claims (helper C).
  'Mutation.claimCertification': {
    document: 'mutation($i: ClaimCertificationInput!) { claimCertification(input: $i) { id status } }',
    variables: async (w) => ({
      i: {
        organizationId: w.supplier.organizationId,
        conceptId: 'urn:aimatch:certification:csap',
        issuedOn: '2025-01-01',
        expiresOn: '2099-12-31',
        evidenceFileIds: [await stagedPdf(w.supplier.accessToken)],
      },
    }),
    expect: supplierOwnerOnly,
  },
  'Mutation.withdrawCertificationClaim': {
    document: 'mutation($id: ID!) { withdrawCertificationClaim(id: $id) { id status } }',
    variables: async (w) => ({ id: await pendingClaim(w.supplier) }),
    expect: supplierOwnerOnly,
  },
  'Query.certificationQueue': {
    document: '{ certificationQueue(first: 5) { totalCount edges { node { id waitingSeconds } } } }',
    expect: staffOnly,
  },
  'Query.certificationClaim': {
    document: 'query($id: ID!) { certificationClaim(id: $id) { id evidence { id downloadUrl } } }',
    variables: async () => ({ id: await pendingClaim() }),
    expect: staffOnly,
  },
  'Mutation.decideCertificationClaim': {
    document: 'mutation($i: DecideCertificationClaimInput!) { decideCertificationClaim(input: $i) { id status } }',
    variables: async () => ({ i: { claimId: await pendingClaim(), decision: 'REJECTED', reason: '서류 미비' } }),
    expect: staffOnly,
  },
  // Trust & safety (modules/trust): staff only; actions on a fresh organization so that this world stays as it is.
  'Query.trustCases': {
    document: '{ trustCases(first: 5) { totalCount edges { node { organizationId counts { kind count } } } } }',
    expect: staffOnly,
  },
  'Query.trustCase': {
    document: 'query($id: ID!) { trustCase(organizationId: $id) { organizationId signals { id } trail { id } } }',
    variables: (w) => ({ id: w.supplier.organizationId }),
    expect: staffOnly,
  },
  'Query.trustOpenCaseCount': { document: '{ trustOpenCaseCount }', expect: staffOnly },
  'Mutation.warnOrganization': {
    document: 'mutation($i: TrustActionInput!) { warnOrganization(input: $i) { id action } }',
    variables: async (w) => ({ i: { organizationId: await freshOrganization(w), reason: '권한 테스트' } }),
    expect: staffOnly,
  },
  'Mutation.suspendTrustCase': {
    document: 'mutation($i: TrustActionInput!) { suspendTrustCase(input: $i) { id action } }',
    variables: async (w) => ({ i: { organizationId: await freshOrganization(w), reason: '권한 테스트' } }),
    expect: staffOnly,
  },
  'Mutation.dismissTrustSignals': {
    document: 'mutation($i: DismissTrustSignalsInput!) { dismissTrustSignals(input: $i) { id status } }',
    variables: async () => {
      const a = await signUpOrganization(t, { nameKo: '권한테스트 공유기업' });
      const b = await signUpOrganization(t, { nameKo: '권한테스트 다른기업' });
      const [row] = await t.app.get(DataSource).query(
        `INSERT INTO trust_signals (organization_id, kind, related_organization_ids, fingerprint)
         VALUES ($1, 'SHARED_CONTACT', ARRAY[$2::uuid], 'authz:' || gen_random_uuid()) RETURNING id`,
        [a.organizationId, b.organizationId],
      );
      return { i: { ids: [row.id], reason: '권한 테스트' } };
    },
    expect: staffOnly,
  },
  // Staff two-factor (helper S): enrolment and recovery codes are for accounts with a staff role (the staff
  // member here is enrolled already, so begin/confirm answer CONFLICT and a wrong code BAD_USER_INPUT);
  // resetting someone's second factor is ADMIN only.
  'Mutation.beginTwoFactorEnrollment': { document: 'mutation { beginTwoFactorEnrollment { secret } }', expect: staffOnly },
  'Mutation.confirmTwoFactorEnrollment': { document: 'mutation { confirmTwoFactorEnrollment(code: "000000") }', expect: staffOnly },
  'Mutation.regenerateRecoveryCodes': { document: 'mutation { regenerateRecoveryCodes(code: "000000") }', expect: staffOnly },
  'Mutation.resetTwoFactor': {
    document: 'mutation($u: ID!) { resetTwoFactor(userId: $u) }',
    variables: (w) => ({ u: w.sme.userId }),
    expect: { anonymous: 'deny', sme: 'deny', supplier: 'deny', staff: 'deny' },
  },
  // Members and invitations (helper M). Leaving is tried by the supplier's only owner (refused: last owner) so the world stays.
  'Mutation.removeMember': {
    document: 'mutation($o: ID!, $u: ID!) { removeMember(organizationId: $o, userId: $u) }',
    variables: async (w) => ({ o: w.sme.organizationId, u: await smeMember(w) }),
    expect: smeOwnerOnly,
  },
  'Mutation.changeMemberRole': {
    document: 'mutation($o: ID!, $u: ID!) { changeMemberRole(organizationId: $o, userId: $u, role: MEMBER) { role } }',
    variables: async (w) => ({ o: w.sme.organizationId, u: await smeMember(w) }),
    expect: smeOwnerOnly,
  },
  'Mutation.transferOwnership': {
    document: 'mutation($o: ID!, $u: ID!) { transferOwnership(organizationId: $o, toUserId: $u, keepOwnership: true) { role } }',
    variables: async (w) => ({ o: w.sme.organizationId, u: await smeMember(w) }),
    expect: smeOwnerOnly,
  },
  'Mutation.leaveOrganization': {
    document: 'mutation($o: ID!) { leaveOrganization(organizationId: $o) }',
    variables: (w) => ({ o: w.supplier.organizationId }),
    expect: supplierOwnerOnly,
  },
  'Query.organizationInvitations': {
    document: 'query($o: ID!) { organizationInvitations(organizationId: $o, first: 5) { totalCount } }',
    variables: (w) => ({ o: w.sme.organizationId }),
    expect: smeOwnerOnly,
  },
  'Mutation.revokeInvitation': {
    document: 'mutation($id: ID!) { revokeInvitation(id: $id) { id } }',
    variables: async (w) => ({ id: await smeInvitation(w) }),
    expect: smeOwnerOnly,
  },
  'Mutation.resendInvitation': {
    document: 'mutation($id: ID!) { resendInvitation(id: $id) { id } }',
    variables: async (w) => ({ id: await smeInvitation(w) }),
    expect: smeOwnerOnly,
  },
  'Query.invitationPreview': { document: '{ invitationPreview(token: "no-such-invitation") { email } }', expect: everyone },
  // #15 market numbers (helper N)
  'Query.marketStats': {
    document: '{ marketStats(from: "2026-01-01", to: "2026-01-31", groupBy: WEEK) { from bids { bids } } }',
    expect: staffOnly,
  },
  'Mutation.exportMarketStats': {
    document: 'mutation { exportMarketStats(from: "2026-01-01", to: "2026-01-31", table: BIDS) { filename } }',
    expect: staffOnly,
  },
  // #15 support programs (lead)
  'Query.supportPrograms': { document: '{ supportPrograms(first: 5) { totalCount } }', expect: everyone },
  'Query.supportProgram': {
    document: 'query($id: ID!) { supportProgram(id: $id) { id } }',
    variables: () => ({ id: randomUUID() }),
    expect: { anonymous: 'hidden', sme: 'hidden', supplier: 'hidden', staff: 'hidden' },
  },
  'Query.eligibilityFacts': { document: '{ eligibilityFacts { name } }', expect: everyone },
  'Query.eligiblePrograms': {
    document: 'query($o: ID) { eligiblePrograms(organizationId: $o) { totalCount } }',
    variables: (w) => ({ o: w.sme.organizationId }),
    expect: { anonymous: 'deny', sme: 'allow', supplier: 'deny', staff: 'allow' },
  },
  'Query.previewProgramRules': {
    document: '{ previewProgramRules(rules: [{ fact: "organization.kind", op: "in", values: ["SME"] }]) { organizations } }',
    expect: staffOnly,
  },
  'Mutation.createSupportProgram': {
    document: `mutation { createSupportProgram(input: { nameKo: "권한 확인 사업", agencyKo: "협회", benefitKo: "지원", rules: [] }) { id } }`,
    expect: staffOnly,
  },
  'Mutation.updateSupportProgram': {
    document: `mutation($id: ID!) { updateSupportProgram(id: $id, version: 1, input: { nameKo: "권한 확인 사업", agencyKo: "협회", benefitKo: "지원", rules: [] }) { id } }`,
    variables: () => ({ id: randomUUID() }),
    expect: { anonymous: 'deny', sme: 'deny', supplier: 'deny', staff: 'hidden' },
  },
  'Query.ventureDeduction': {
    document:
      '{ ventureDeduction(input: { investmentYear: 2025, taxYear: 2025, comprehensiveIncomeKrw: 1e8, investments: [{ channel: DIRECT, amountKrw: 1e7 }] }) { deductionKrw } }',
    expect: everyone,
  },
  'Query.ventureClawback': {
    document: '{ ventureClawback(input: { kind: TRANSFER, investedOn: "2024-03-10", occurredOn: "2025-03-10" }) { clawedBack } }',
    expect: everyone,
  },
  'Query.ventureDeductionRules': { document: '{ ventureDeductionRules { id } }', expect: everyone },
  'Mutation.setSupportProgramStatus': {
    document: 'mutation($id: ID!) { setSupportProgramStatus(id: $id, status: ARCHIVED) { id } }',
    variables: () => ({ id: randomUUID() }),
    expect: { anonymous: 'deny', sme: 'deny', supplier: 'deny', staff: 'hidden' },
  },
  // Vocabulary governance (helper V): staff only; refusals by field in modules/vocabulary/__tests__/vocabulary-governance.test.ts.
  'Mutation.addConcept': {
    document: 'mutation { addConcept(input: { scheme: "task", labelKo: "권한 확인", labelEn: "Authorization probe" }) { id } }',
    expect: staffOnly,
  },
  'Mutation.updateConcept': {
    document: 'mutation { updateConcept(id: "urn:aimatch:task:nope", input: { labelKo: "권한" }) { id } }',
    expect: { anonymous: 'deny', sme: 'deny', supplier: 'deny', staff: 'hidden' },
  },
  'Mutation.moveConcept': {
    document: 'mutation { moveConcept(id: "urn:aimatch:task:nope", parentId: null) { id } }',
    expect: { anonymous: 'deny', sme: 'deny', supplier: 'deny', staff: 'hidden' },
  },
  'Mutation.deprecateConcept': {
    document: 'mutation { deprecateConcept(id: "urn:aimatch:task:nope", replacedById: "urn:aimatch:task:computer-vision") { id } }',
    expect: { anonymous: 'deny', sme: 'deny', supplier: 'deny', staff: 'hidden' },
  },
  'Mutation.deleteConcept': {
    document: 'mutation { deleteConcept(id: "urn:aimatch:task:nope") }',
    expect: { anonymous: 'deny', sme: 'deny', supplier: 'deny', staff: 'hidden' },
  },
  'Query.conceptChanges': {
    document: '{ conceptChanges(first: 1) { totalCount } }',
    expect: staffOnly,
  },
  'Query.vocabularyExport': {
    document: '{ vocabularyExport { version } }',
    expect: { anonymous: 'allow', sme: 'allow', supplier: 'allow', staff: 'allow' },
  },
  // #15 the verified AI-supplier list (helper G): staff only; filters and the CSV in modules/verification/__tests__/verified-suppliers.test.ts.
  'Query.verifiedSuppliers': { document: '{ verifiedSuppliers(first: 5) { totalCount } }', expect: staffOnly },
  'Mutation.exportVerifiedSuppliers': { document: 'mutation { exportVerifiedSuppliers { rowCount } }', expect: staffOnly },
  // Case studies on organization profiles (helper P): the organization's owners only; members and other organizations are refused
  // in modules/showcase/__tests__/case-studies.test.ts.
  'Mutation.createCaseStudy': {
    document: 'mutation($o: ID!, $i: CaseStudyInput!) { createCaseStudy(organizationId: $o, input: $i) { id } }',
    variables: (w) => ({
      o: w.sme.organizationId,
      i: { title: '권한 사례', industryId: 'urn:aimatch:industry:manufacturing', year: 2024, summary: '요약' },
    }),
    expect: smeOwnerOnly,
  },
  'Mutation.updateCaseStudy': {
    document: 'mutation($id: ID!, $i: CaseStudyInput!) { updateCaseStudy(id: $id, input: $i) { id } }',
    variables: async (w) => ({
      id: await smeCaseStudy(w),
      i: { title: '권한 사례 수정', industryId: 'urn:aimatch:industry:manufacturing', year: 2023, summary: '요약' },
    }),
    expect: smeOwnerOnly,
  },
  'Mutation.deleteCaseStudy': {
    document: 'mutation($id: ID!) { deleteCaseStudy(id: $id) }',
    variables: async (w) => ({ id: await smeCaseStudy(w) }),
    expect: smeOwnerOnly,
  },
  // A stale list is a CONFLICT for the owner (still allowed); everybody else is refused before the list is read.
  'Mutation.reorderCaseStudies': {
    document: 'mutation($o: ID!, $ids: [ID!]!) { reorderCaseStudies(organizationId: $o, ids: $ids) { id } }',
    variables: (w) => ({ o: w.sme.organizationId, ids: [] }),
    expect: smeOwnerOnly,
  },
  // Files on demands and bids (#14 F): the demand's owner changes a demand's files; the bid's lead a draft bid's.
  'Mutation.attachListingFiles': {
    document: 'mutation($l: ID!, $f: [ID!]!) { attachListingFiles(listingId: $l, fileIds: $f) { id } }',
    variables: async (w) => ({ l: (await draft(w)).id, f: [await stagedDocument(w.sme.accessToken)] }),
    expect: smeDraftOwner,
  },
  'Mutation.detachListingFile': {
    document: 'mutation($l: ID!, $f: ID!) { detachListingFile(listingId: $l, fileId: $f) }',
    variables: async (w) => {
      const f = await stagedDocument(w.sme.accessToken);
      const l = w.publishedDemandId;
      await t.gql(
        'mutation($l: ID!, $f: [ID!]!) { attachListingFiles(listingId: $l, fileIds: $f) { id } }',
        { l, f: [f] },
        {
          token: w.sme.accessToken,
        },
      );
      return { l, f };
    },
    expect: smeOwnerOnly,
  },
  'Mutation.attachBidFiles': {
    document: 'mutation($b: ID!, $f: [ID!]!) { attachBidFiles(bidId: $b, fileIds: $f) { id } }',
    variables: async (w) => ({ b: (await bidOn(w, 'DRAFT')).id, f: [await stagedDocument(w.supplier.accessToken)] }),
    expect: draftBidder,
  },
  'Mutation.detachBidFile': {
    document: 'mutation($b: ID!, $f: ID!) { detachBidFile(bidId: $b, fileId: $f) }',
    variables: async (w) => {
      const b = (await bidOn(w, 'SUBMITTED')).id;
      const f = await stagedDocument(w.supplier.accessToken);
      await t.gql(
        'mutation($b: ID!, $f: [ID!]!) { attachBidFiles(bidId: $b, fileIds: $f) { id } }',
        { b, f: [f] },
        {
          token: w.supplier.accessToken,
        },
      );
      return { b, f };
    },
    expect: bidderActs,
  },
  // The project after the award (helper W): the supplier delivers, the SME accepts or asks for rework, either proposes completion.
  'Query.project': {
    document: 'query($d: ID!) { project(demandId: $d) { demandId milestones { id status } } }',
    variables: async (w) => ({ d: (await awardedProject(w, 'PLANNED')).demandId }),
    expect: { anonymous: 'deny', sme: 'allow', supplier: 'allow', staff: 'allow' },
  },
  'Mutation.deliverMilestone': {
    document: 'mutation($m: ID!) { deliverMilestone(milestoneId: $m, note: "1차 납품") { version } }',
    variables: async (w) => ({ m: (await awardedProject(w, 'PLANNED')).milestoneId }),
    expect: supplierOwnerOnly,
  },
  'Mutation.acceptMilestone': {
    document: 'mutation($m: ID!) { acceptMilestone(milestoneId: $m) { version } }',
    variables: async (w) => ({ m: (await awardedProject(w, 'DELIVERED')).milestoneId }),
    expect: smeOwnerOnly,
  },
  'Mutation.requestMilestoneRework': {
    document: 'mutation($m: ID!) { requestMilestoneRework(milestoneId: $m, reason: "보완 필요") { version } }',
    variables: async (w) => ({ m: (await awardedProject(w, 'DELIVERED')).milestoneId }),
    expect: smeOwnerOnly,
  },
  'Mutation.proposeCompletion': {
    document: 'mutation($d: ID!) { proposeCompletion(demandId: $d, note: "범위 합의") { version } }',
    variables: async (w) => ({ d: (await awardedProject(w, 'PLANNED')).demandId }),
    expect: projectParties,
  },
  'Mutation.confirmCompletion': {
    document: 'mutation($d: ID!) { confirmCompletion(demandId: $d) { version } }',
    variables: async (w) => ({ d: (await awardedProject(w, 'PROPOSED')).demandId }),
    expect: smeOwnerOnly,
  },
  'Mutation.withdrawCompletionProposal': {
    document: 'mutation($d: ID!) { withdrawCompletionProposal(demandId: $d) { version } }',
    variables: async (w) => ({ d: (await awardedProject(w, 'PROPOSED')).demandId }),
    expect: supplierOwnerOnly,
  },
};

/** Fields below the root that carry their own rule. */
const FIELD_RULES: Record<string, Rule> = {
  'Organization.members': {
    document: 'query($id: ID!) { organization(id: $id) { members(first: 5) { totalCount } } }',
    variables: (w) => ({ id: w.sme.organizationId }),
    expect: { anonymous: 'deny', sme: 'allow', supplier: 'deny', staff: 'allow' },
  },
  // The profile (helper P): whoever can see the organization reads its case studies and published listings.
  'Organization.caseStudies': {
    document: 'query($id: ID!) { organization(id: $id) { caseStudies(first: 5) { totalCount } } }',
    variables: (w) => ({ id: w.sme.organizationId }),
    expect: signedIn,
  },
  'Organization.publishedListings': {
    document: 'query($id: ID!) { organization(id: $id) { publishedListings(first: 5) { totalCount } } }',
    variables: (w) => ({ id: w.supplier.organizationId }),
    expect: signedIn,
  },
};

describe('authorization table', () => {
  let world: World;
  let tokens: Record<Role, string | undefined>;

  beforeAll(async () => {
    t = await bootTestApp();
    const sme = await signUpOrganization(t, { kind: 'SME' as never });
    const supplier = await signUpOrganization(t, { kind: 'AI_SUPPLIER' as never });
    const staff = await signInStaff(t);
    const published = await publish(t, await createSupply(t, supplier), supplier.accessToken, staff.accessToken);
    const demand = await publish(t, await createDemand(t, sme), sme.accessToken, staff.accessToken);
    world = { sme, supplier, staffToken: staff.accessToken, publishedSupplyId: published.id, publishedDemandId: demand.id };
    tokens = { anonymous: undefined, sme: sme.accessToken, supplier: supplier.accessToken, staff: staff.accessToken };
  });
  afterAll(() => t.close());

  it('has a rule for every query and mutation in the schema', () => {
    const schema = t.app.get(GraphQLSchemaHost).schema;
    const fields = [
      ...Object.keys(schema.getQueryType()!.getFields()).map((f) => `Query.${f}`),
      ...Object.keys(schema.getMutationType()?.getFields() ?? {}).map((f) => `Mutation.${f}`),
    ].sort();
    expect(Object.keys(RULES).sort()).toEqual(fields);
  });

  const cases = Object.entries({ ...RULES, ...FIELD_RULES }).flatMap(([field, rule]) =>
    (Object.keys(rule.expect) as Role[]).map((role) => [field, role, rule.expect[role]] as const),
  );

  it.each(cases)('%s as %s: %s', async (field, role, outcome) => {
    const rule = RULES[field] ?? FIELD_RULES[field];
    const variables = rule.variables ? await rule.variables(world) : undefined;
    const res = await t.gql(rule.document, variables, { token: tokens[role] });
    const codes = (res.errors ?? []).map((e) => e.extensions.code);
    const denied = codes.some((c) => c === 'UNAUTHENTICATED' || c === 'FORBIDDEN');
    const actual = denied ? 'deny' : codes.includes('NOT_FOUND') ? 'hidden' : 'allow';
    expect({ field, role, outcome: actual, codes }).toEqual({ field, role, outcome, codes: expect.any(Array) });
    if (outcome === 'deny') expect(codes).toContain(role === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN');
  });
});

// --- The read-only AAS API (#17, helper X): plain HTTP routes under /aas, one row per route -------------------------
// `allow` = 200, `deny` = 401/403, `hidden` = 404. Published listings are readable by everyone (what a
// viewer may not see is left out of the body, tested in modules/aas); a draft is hidden, even from its owner.
interface HttpRule {
  /** The route as registered (`:param`), for the every-route-has-a-row check. */
  route: string;
  url: (w: World) => Promise<string> | string;
  expect: Record<Role, Outcome>;
}
const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64url');
const shellIdOf = (listingId: string) => `https://aimatch.or.kr/aas/listings/${listingId}`;
const hiddenFromAll: Record<Role, Outcome> = { anonymous: 'hidden', sme: 'hidden', supplier: 'hidden', staff: 'hidden' };
const HTTP_RULES: Record<string, HttpRule> = {
  'GET /aas/shells': { route: '/aas/shells', url: () => '/aas/shells?limit=5', expect: everyone },
  'GET /aas/shells/:aasIdentifier': {
    route: '/aas/shells/:aasIdentifier',
    url: (w) => `/aas/shells/${b64(shellIdOf(w.publishedSupplyId))}`,
    expect: everyone,
  },
  'GET /aas/shells/:aasIdentifier (a draft)': {
    route: '/aas/shells/:aasIdentifier',
    url: async (w) => `/aas/shells/${b64(shellIdOf((await createSupply(t, w.supplier)).id))}`,
    expect: hiddenFromAll,
  },
  'GET /aas/shells/:aasIdentifier/submodel-refs': {
    route: '/aas/shells/:aasIdentifier/submodel-refs',
    url: (w) => `/aas/shells/${b64(shellIdOf(w.publishedDemandId))}/submodel-refs`,
    expect: everyone,
  },
  'GET /aas/submodels/:submodelIdentifier': {
    route: '/aas/submodels/:submodelIdentifier',
    url: (w) => `/aas/submodels/${b64(`${shellIdOf(w.publishedSupplyId)}/submodels/ListingInformation`)}`,
    expect: everyone,
  },
  'GET /aas/concept-descriptions': { route: '/aas/concept-descriptions', url: () => '/aas/concept-descriptions?limit=3', expect: everyone },
  'GET /aas/shell-descriptors': { route: '/aas/shell-descriptors', url: () => '/aas/shell-descriptors?limit=3', expect: everyone },
  'GET /aas/packages/:packageId': {
    route: '/aas/packages/:packageId',
    url: (w) => `/aas/packages/${b64(shellIdOf(w.publishedSupplyId))}`,
    expect: everyone,
  },
};

describe('authorization table: AAS HTTP routes', () => {
  let world: World;
  let tokens: Record<Role, string | undefined>;

  beforeAll(async () => {
    t = await bootTestApp();
    const sme = await signUpOrganization(t, { kind: 'SME' as never });
    const supplier = await signUpOrganization(t, { kind: 'AI_SUPPLIER' as never });
    const staff = await signInStaff(t);
    const published = await publish(t, await createSupply(t, supplier), supplier.accessToken, staff.accessToken);
    const demand = await publish(t, await createDemand(t, sme), sme.accessToken, staff.accessToken);
    world = { sme, supplier, staffToken: staff.accessToken, publishedSupplyId: published.id, publishedDemandId: demand.id };
    tokens = { anonymous: undefined, sme: sme.accessToken, supplier: supplier.accessToken, staff: staff.accessToken };
  });
  afterAll(() => t.close());

  it('has a row for every route under /aas', () => {
    const printed = t.app.getHttpAdapter().getInstance().printRoutes({ commonPrefix: false });
    // The printed tree nests a route under its longest registered prefix: rebuild full paths from the indentation.
    const stack: string[] = [];
    const all: string[] = [];
    for (const line of printed.split('\n')) {
      const m = /^([\s│├└─]*)(\S[^(]*?)(?: \(([^)]*)\))?$/.exec(line);
      if (!m) continue;
      const depth = Math.floor(m[1].length / 4);
      stack.length = depth;
      stack[depth] = m[2].trim();
      if (m[3]) all.push(stack.join(''));
    }
    const routes = new Set(all.map((r) => r.replace(/\/+/g, '/')).filter((r) => r.startsWith('/aas/')));
    expect(routes.size).toBeGreaterThan(0);
    expect([...routes].sort()).toEqual([...new Set(Object.values(HTTP_RULES).map((r) => r.route))].sort());
  });

  const cases = Object.entries(HTTP_RULES).flatMap(([name, rule]) =>
    (Object.keys(rule.expect) as Role[]).map((role) => [name, role, rule.expect[role]] as const),
  );
  it.each(cases)('%s as %s: %s', async (name, role, outcome) => {
    const url = await HTTP_RULES[name].url(world);
    const token = tokens[role];
    const res = await t.app.inject({ method: 'GET', url, headers: token ? { authorization: `Bearer ${token}` } : {} });
    const actual =
      res.statusCode === 200
        ? 'allow'
        : [401, 403].includes(res.statusCode)
          ? 'deny'
          : res.statusCode === 404
            ? 'hidden'
            : `status ${res.statusCode}`;
    expect({ name, role, outcome: actual }).toEqual({ name, role, outcome });
  });
});
