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
  TEST_PASSWORD,
  transition,
  validBrn,
} from '@aimatch/testing';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { randomUUID } from 'node:crypto';
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
  const open = await t.gql(OPEN, { i: { contextType: 'DEMAND', contextId: w.publishedDemandId, supplyListingId: w.publishedSupplyId } }, { token: w.supplier.accessToken });
  const conversationId = open.data!.openConversation.id as string;
  const viewer = { userId: w.supplier.userId, roles: [], locale: 'KO' as never, sessionId: 'authz' };
  const sent = await t.app.get(ChatService).send(viewer, { conversationId, clientMessageId: randomUUID(), body: '납기 일정 문의드립니다.' });
  return { conversationId, messageId: sent.message.id };
};
const draft = async (w: World) => createDemand(t, w.sme);
const submitted = async (w: World) => (await transition(t, 'submitListing', await draft(w), w.sme.accessToken)).data!.submitListing;
const publishedSupply = async (w: World) => publish(t, await createSupply(t, w.supplier), w.supplier.accessToken, w.staffToken);
const vars = (l: { id: string; version: number }) => ({ id: l.id, v: l.version });

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
  'Mutation.signUp': {
    document: 'mutation($i: SignUpInput!) { signUp(input: $i) { accessToken } }',
    variables: () => ({
      i: {
        email: `authz-${Math.random().toString(36).slice(2)}@example.kr`,
        password: TEST_PASSWORD,
        displayName: 'authz',
        organization: { kind: 'AI_SUPPLIER', nameKo: '권한테스트', businessRegistrationNumber: validBrn() },
      },
    }),
    expect: everyone,
  },
  'Mutation.signIn': {
    document: 'mutation($i: SignInInput!) { signIn(input: $i) { accessToken } }',
    variables: (w) => ({ i: { email: w.supplier.email, password: TEST_PASSWORD } }),
    expect: everyone,
  },
  'Mutation.refreshSession': {
    document: 'mutation($r: String!) { refreshSession(refreshToken: $r) { accessToken } }',
    variables: async (w) => {
      const res = await t.gql('mutation($i: SignInInput!) { signIn(input: $i) { refreshToken } }', { i: { email: w.supplier.email, password: TEST_PASSWORD } });
      return { r: res.data!.signIn.refreshToken };
    },
    expect: everyone,
  },
  'Mutation.signOut': { document: 'mutation { signOut(refreshToken: "unknown-token") }', expect: everyone },
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
  'Query.listing': { document: 'query($id: ID!) { listing(id: $id) { id } }', variables: (w) => ({ id: w.publishedSupplyId }), expect: everyone },
  'Query.listings': { document: '{ listings(kind: SUPPLY) { totalCount } }', expect: everyone },
  'Query.listingAas': { document: 'query($id: ID!) { listingAas(id: $id) }', variables: (w) => ({ id: w.publishedSupplyId }), expect: everyone },
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
  'Mutation.submitListing': { document: 'mutation($id: ID!, $v: Int!) { submitListing(id: $id, version: $v) { id } }', variables: async (w) => vars(await draft(w)), expect: smeDraftOwner },
  'Mutation.archiveListing': { document: 'mutation($id: ID!, $v: Int!) { archiveListing(id: $id, version: $v) { id } }', variables: async (w) => vars(await draft(w)), expect: smeDraftOwner },
  'Mutation.approveListing': { document: 'mutation($id: ID!, $v: Int!) { approveListing(id: $id, version: $v) { id } }', variables: async (w) => vars(await submitted(w)), expect: staffDecides },
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
  'Query.suggestDemandFields': { document: '{ suggestDemandFields(text: "공장 사진으로 불량 검출") { concept { id } } }', expect: signedIn },
  'Query.matchAlerts': { document: '{ matchAlerts { totalCount } }', expect: signedIn },
  'Mutation.createMatchAlert': {
    document: 'mutation($i: CreateMatchAlertInput!) { createMatchAlert(input: $i) { id } }',
    variables: (w) => ({ i: { organizationId: w.supplier.organizationId, name: '알림', supplyListingId: w.publishedSupplyId, minScore: 60 } }),
    expect: { anonymous: 'deny', sme: 'deny', supplier: 'allow', staff: 'deny' },
  },
  'Mutation.deleteMatchAlert': {
    document: 'mutation($id: ID!) { deleteMatchAlert(id: $id) }',
    variables: async (w) => {
      const res = await t.gql('mutation($i: CreateMatchAlertInput!) { createMatchAlert(input: $i) { id } }', { i: { organizationId: w.supplier.organizationId, name: '삭제용', minScore: 50, supplyListingId: w.publishedSupplyId } }, { token: w.supplier.accessToken });
      return { id: res.data!.createMatchAlert.id };
    },
    expect: { anonymous: 'deny', sme: 'hidden', supplier: 'allow', staff: 'hidden' },
  },
  'Query.notifications': { document: '{ notifications(first: 5) { totalCount unreadCount } }', expect: signedIn },
  'Mutation.markNotificationsRead': { document: 'mutation { markNotificationsRead(ids: []) }', expect: signedIn },
  'Query.conversations': { document: '{ conversations(first: 5) { totalCount edges { node { id unreadCount } } } }', expect: signedIn },
  'Query.messages': {
    document: 'query($c: ID!) { messages(conversationId: $c, first: 5) { totalCount edges { node { seq body } } } }',
    variables: async (w) => ({ c: (await conversationWithMessage(w)).conversationId }),
    expect: participantsOnly,
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
};

/** Fields below the root that carry their own rule. */
const FIELD_RULES: Record<string, Rule> = {
  'Organization.members': {
    document: 'query($id: ID!) { organization(id: $id) { members(first: 5) { totalCount } } }',
    variables: (w) => ({ id: w.sme.organizationId }),
    expect: { anonymous: 'deny', sme: 'allow', supplier: 'deny', staff: 'allow' },
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
