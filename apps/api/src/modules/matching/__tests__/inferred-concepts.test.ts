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

const INFERRED = `query($id: ID!) { listing(id: $id) { ... on DemandListing { inferredConcepts { scheme conceptId evidence decision concept { id } } } } }`;
const DECIDE = `mutation($id: ID!, $c: ID!, $s: String!, $d: InferredConceptDecision) {
  decideInferredConcept(demandId: $id, conceptId: $c, scheme: $s, decision: $d) { conceptId decision } }`;
const MATCHES = `query($id: ID!) { matchesForDemand(demandId: $id, first: 50) {
  edges { node { id } explanation { score matched { conceptId inferred } missing { conceptId } } } } }`;

interface Inferred {
  scheme: string;
  conceptId: string;
  evidence: string[];
  decision: string | null;
}
interface Explanation {
  score: number;
  matched: Array<{ conceptId: string; inferred: boolean }>;
  missing: Array<{ conceptId: string }>;
}

/** #14 (8): the demand's owner confirms or removes a concept inferred from its text, and matching follows. */
describe('decisions on inferred concepts', () => {
  let t: TestApp;
  let sme: SignedUp;
  let supplier: SignedUp;
  let staff: string;
  let demandId: string;
  let supplyId: string;

  beforeAll(async () => {
    t = await bootTestApp();
    sme = await signUpOrganization(t, { kind: 'SME' as never });
    supplier = await signUpOrganization(t, { kind: 'AI_SUPPLIER' as never });
    staff = (await signInStaff(t)).accessToken;
    // The industry is only in the prose: matching infers it (프레스 라인 → fabricated metal products).
    const demand = await createDemand(t, sme, {
      // Not in the title either (a concept read from the title already weighs as much as a stated one).
      title: '부품 찍힘·스크래치 자동 검사',
      onSiteRequired: false,
      requirement: {
        tasks: ['urn:aimatch:task:visual-inspection'],
        modalities: [],
        industries: [],
        deployments: [],
        integrations: [],
        languages: ['ko'],
      },
    });
    demandId = (await publish(t, demand, sme.accessToken, staff)).id;
    // The supplier states only the broader industry and names no metalwork: a partial match (0.6), so how
    // much the need weighs shows in the score whole points either way.
    const supply = await createSupply(t, supplier, {
      title: '제조 라인 인라인 비전 검사',
      summary: '가공품의 찍힘, 스크래치, 버를 라인 속도로 판정합니다.',
      capability: {
        tasks: ['urn:aimatch:task:visual-inspection', 'urn:aimatch:task:surface-defect-inspection'],
        modalities: ['urn:aimatch:modality:image'],
        industries: ['urn:aimatch:industry:manufacturing'],
        deployments: ['urn:aimatch:deployment:on-premise'],
        integrations: ['urn:aimatch:integration:mes'],
        languages: ['ko'],
      },
    });
    supplyId = (await publish(t, supply, supplier.accessToken, staff)).id;
  });
  afterAll(() => t.close());

  const inferred = async (token: string) =>
    ((await t.gql(INFERRED, { id: demandId }, { token })).data!.listing.inferredConcepts ?? []) as Inferred[];
  const fitOfSupplier = async () => {
    const edges = (await t.gql(MATCHES, { id: demandId }, { token: sme.accessToken })).data!.matchesForDemand.edges as Array<{
      node: { id: string };
      explanation: Explanation;
    }>;
    return edges.find((e) => e.node.id === supplyId)!.explanation;
  };
  const decide = (conceptId: string, scheme: string, decision: string | null, token = sme.accessToken) =>
    t.gql(DECIDE, { id: demandId, c: conceptId, s: scheme, d: decision }, { token });

  it('shows the owner what was inferred, with the words; others see nothing and may not decide', async () => {
    const mine = await inferred(sme.accessToken);
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((c) => c.decision === null && c.evidence.length > 0)).toBe(true);
    expect(await inferred(supplier.accessToken)).toEqual([]);
    const target = mine[0];
    expect((await decide(target.conceptId, target.scheme, 'DISMISSED', supplier.accessToken)).errors![0].extensions.code).toBe('FORBIDDEN');
    expect((await decide(target.conceptId, target.scheme, 'DISMISSED', staff)).errors![0].extensions.code).toBe('FORBIDDEN');
    expect((await decide(target.conceptId, 'region', 'DISMISSED')).errors![0].extensions.fields).toEqual([
      expect.objectContaining({ path: 'scheme', rule: 'not-allowed' }),
    ]);
  });

  it('a removed concept stops counting (the score changes); a confirmed one counts as stated; undoing restores the score', async () => {
    const baseline = await fitOfSupplier();
    const candidates = await inferred(sme.accessToken);
    // The inferred industry (see beforeAll): a further task next to the stated one may not move the task score.
    const matchedInferred = candidates.filter((c) => baseline.matched.some((m) => m.conceptId === c.conceptId && m.inferred));
    const target = matchedInferred.find((c) => c.scheme === 'industry') ?? matchedInferred[0];
    expect(target).toBeDefined();

    const removed = (await decide(target.conceptId, target.scheme, 'DISMISSED')).data!.decideInferredConcept as Inferred[];
    expect(removed.find((c) => c.conceptId === target.conceptId)!.decision).toBe('DISMISSED');
    const without = await fitOfSupplier();
    expect([...without.matched, ...without.missing].map((m) => m.conceptId)).not.toContain(target.conceptId);
    expect(without.score).not.toBe(baseline.score);

    await decide(target.conceptId, target.scheme, 'CONFIRMED');
    const confirmed = await fitOfSupplier();
    expect(confirmed.matched.find((m) => m.conceptId === target.conceptId)).toEqual({ conceptId: target.conceptId, inferred: false });
    // Stated, the partial industry match weighs in full: further below the need met only in part.
    expect(confirmed.score).toBeLessThan(baseline.score);
    expect(baseline.score).toBeLessThan(without.score);

    await decide(target.conceptId, target.scheme, null);
    expect((await fitOfSupplier()).score).toBe(baseline.score);
    expect((await inferred(sme.accessToken)).find((c) => c.conceptId === target.conceptId)!.decision).toBeNull();
  });
});
