import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { validateEligibilityRules } from '@aimatch/programs';
import { bootTestApp, createDemand, publish, signInStaff, signUpOrganization, type SignedUp, type TestApp } from '@aimatch/api-testing';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { VocabularyCache } from '../../vocabulary/vocabulary-cache.service';
import { ProgramsService } from '../programs.service';
import { SAMPLE_PROGRAMS } from '../sample-programs';

const PROGRAM_FIELDS = 'id status version nameKo isSample rules { fact op values min max value }';
const CREATE = `mutation($i: SupportProgramInput!) { createSupportProgram(input: $i) { ${PROGRAM_FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $v: Int!, $i: SupportProgramInput!) { updateSupportProgram(id: $id, version: $v, input: $i) { ${PROGRAM_FIELDS} } }`;
const STATUS = `mutation($id: ID!, $s: SupportProgramStatus!) { setSupportProgramStatus(id: $id, status: $s) { id status version } }`;
const ELIGIBLE = `query($o: ID, $d: ID, $all: Boolean) { eligiblePrograms(organizationId: $o, demandId: $d, includeIneligible: $all, first: 50) {
  totalCount edges { node { verdict met missed unknown program { id nameKo } rules { index fact status reason } } } } }`;

const manufacturingSme = {
  nameKo: '제조 AI 도입 지원 (테스트)',
  agencyKo: '중소벤처기업부',
  benefitKo: 'AI 솔루션 도입비 최대 1억원',
  maxBenefitKrw: 100_000_000,
  url: 'https://www.example.go.kr/notice/1',
  rules: [
    { fact: 'organization.kind', op: 'in', values: ['SME'] },
    { fact: 'organization.industry', op: 'in', values: ['urn:aimatch:industry:manufacturing'] },
    { fact: 'organization.region', op: 'in', values: ['urn:aimatch:region:gyeongnam'] },
    { fact: 'organization.employeeBand', op: 'in', values: ['SIZE_10_49', 'SIZE_50_299'] },
  ],
};
const visionBudget = {
  nameKo: '비전 검사 도입 바우처 (테스트)',
  agencyKo: '협회',
  benefitKo: '비전 검사 도입비 지원',
  rules: [
    { fact: 'demand.task', op: 'in', values: ['urn:aimatch:task:computer-vision'] },
    { fact: 'demand.budgetKrw', op: 'between', min: 50_000_000, max: 200_000_000 },
  ],
};

/** The support-program catalogue and eligibility on the real database, as staff, an SME and a supplier use them. */
describe('support programs', () => {
  let t: TestApp;
  let ds: DataSource;
  let sme: SignedUp;
  let supplier: SignedUp;
  let staff: { accessToken: string; userId: string };
  let demandId: string;
  const count = async (sql: string, params: unknown[] = []) => (await ds.query<Array<{ n: number }>>(sql, params))[0].n;
  const create = async (input: Record<string, unknown>) => {
    const res = await t.gql(CREATE, { i: input }, { token: staff.accessToken });
    if (!res.data) throw new Error(JSON.stringify(res.errors));
    return res.data.createSupportProgram as { id: string; version: number; status: string };
  };
  const setStatus = async (id: string, s: string) => {
    const res = await t.gql(STATUS, { id, s }, { token: staff.accessToken });
    if (!res.data) throw new Error(JSON.stringify(res.errors));
    return res;
  };

  beforeAll(async () => {
    t = await bootTestApp({ env: { MAIL_DIR: mkdtempSync(join(tmpdir(), 'aimatch-programs-mail-')) } });
    ds = t.app.get(DataSource);
    sme = await signUpOrganization(t, {
      regionId: 'urn:aimatch:region:gyeongnam',
      industryId: 'urn:aimatch:industry:automotive-parts-manufacturing',
    });
    supplier = await signUpOrganization(t, { kind: 'AI_SUPPLIER' as never });
    staff = await signInStaff(t);
    const band = await t.gql(
      `mutation($i: UpdateOrganizationInput!) { updateMyOrganization(input: $i) { id employeeBand } }`,
      { i: { organizationId: sme.organizationId, employeeBand: 'SIZE_10_49' } },
      { token: sme.accessToken },
    );
    expect(band.errors).toBeUndefined();
    demandId = (await publish(t, await createDemand(t, sme), sme.accessToken, staff.accessToken)).id;
  });
  afterAll(() => t.close());

  it('keeps a draft to staff, then shows the published program to an eligible SME with every rule met and why', async () => {
    const program = await create(manufacturingSme);
    expect(program).toMatchObject({ status: 'DRAFT', version: 1 });
    const hidden = await t.gql(`query($id: ID!) { supportProgram(id: $id) { id } }`, { id: program.id }, { token: sme.accessToken });
    expect(hidden.errors?.[0].extensions.code).toBe('NOT_FOUND');
    const before = await t.gql(ELIGIBLE, { o: sme.organizationId }, { token: sme.accessToken });
    expect(before.data!.eligiblePrograms.edges.map((e: any) => e.node.program.id)).not.toContain(program.id);

    expect((await setStatus(program.id, 'PUBLISHED')).data!.setSupportProgramStatus).toMatchObject({ status: 'PUBLISHED', version: 2 });
    const res = await t.gql(ELIGIBLE, { o: sme.organizationId }, { token: sme.accessToken });
    const mine = res.data!.eligiblePrograms.edges.find((e: any) => e.node.program.id === program.id).node;
    expect(mine).toMatchObject({ verdict: 'ELIGIBLE', met: 4, missed: 0, unknown: 0 });
    expect(mine.rules[1].reason).toBe('업종: 자동차 및 트레일러 제조업(자동차 부품) — 조건(제조업)에 맞습니다.');

    const en = await t.gql(ELIGIBLE, { o: sme.organizationId }, { token: sme.accessToken, headers: { 'accept-language': 'en' } });
    const mineEn = en.data!.eligiblePrograms.edges.find((e: any) => e.node.program.id === program.id).node;
    expect(mineEn.rules[3].reason).toMatch(/^company size: 10–49 people meets the condition/);
  });

  it('hides programs a supplier misses unless asked, and then says which rule it missed', async () => {
    const program = await create({ ...manufacturingSme, nameKo: '제조 AI 도입 지원 2 (테스트)' });
    await setStatus(program.id, 'PUBLISHED');
    const res = await t.gql(ELIGIBLE, { o: supplier.organizationId }, { token: supplier.accessToken });
    expect(res.data!.eligiblePrograms.edges.map((e: any) => e.node.program.id)).not.toContain(program.id);
    const all = await t.gql(ELIGIBLE, { o: supplier.organizationId, all: true }, { token: supplier.accessToken });
    const node = all.data!.eligiblePrograms.edges.find((e: any) => e.node.program.id === program.id).node;
    expect(node.verdict).toBe('INELIGIBLE');
    expect(node.rules[0]).toMatchObject({ status: 'MISSED', reason: '기관 유형: AI 공급기업 — 조건(중소기업(수요기업))에 맞지 않습니다.' });
    expect(node.rules[3]).toMatchObject({ status: 'UNKNOWN' });
    // Another organization's eligibility is its own business.
    const foreign = await t.gql(ELIGIBLE, { o: sme.organizationId }, { token: supplier.accessToken });
    expect(foreign.errors?.[0].extensions.code).toBe('FORBIDDEN');
  });

  it('checks a demand by its task (narrower tasks count) and budget, for its owner only', async () => {
    const program = await create(visionBudget);
    await setStatus(program.id, 'PUBLISHED');
    const res = await t.gql(ELIGIBLE, { d: demandId }, { token: sme.accessToken });
    const node = res.data!.eligiblePrograms.edges.find((e: any) => e.node.program.id === program.id).node;
    expect(node).toMatchObject({ verdict: 'ELIGIBLE', met: 2 });
    expect(node.rules[1].reason).toBe('예산: 150,000,000원 — 조건(50,000,000원–200,000,000원)에 맞습니다.');
    const byOrganization = await t.gql(ELIGIBLE, { o: sme.organizationId }, { token: sme.accessToken });
    expect(byOrganization.data!.eligiblePrograms.edges.find((e: any) => e.node.program.id === program.id).node.verdict).toBe('POSSIBLE');
    const foreign = await t.gql(ELIGIBLE, { d: demandId }, { token: supplier.accessToken });
    expect(foreign.errors?.[0].extensions.code).toBe('FORBIDDEN');
    const both = await t.gql(ELIGIBLE, { d: demandId, o: sme.organizationId }, { token: sme.accessToken });
    expect(both.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('refuses bad programs naming each field and rule, and writes nothing', async () => {
    const before = await count('SELECT count(*)::int AS n FROM support_programs');
    const res = await t.gql(
      CREATE,
      {
        i: {
          nameKo: '가',
          agencyKo: '협회',
          benefitKo: '지원',
          maxBenefitKrw: -1,
          opensOn: '2026-03-01',
          closesOn: '2026-02-01',
          url: 'javascript:alert(1)',
          rules: [
            { fact: 'organization.revenue', op: 'between', min: 1 },
            { fact: 'organization.region', op: 'in', values: ['urn:aimatch:region:atlantis'] },
            { fact: 'demand.budgetKrw', op: 'between', min: 500, max: 100 },
          ],
        },
      },
      { token: staff.accessToken },
    );
    const violations = res.errors?.[0].extensions.fields as Array<{ path: string; rule: string; message: string }>;
    expect(violations.map((v) => `${v.path}:${v.rule}`).sort()).toEqual(['maxBenefitKrw:min-value', 'nameKo:min-length', 'url:url'].sort());
    const rules = await t.gql(
      CREATE,
      {
        i: {
          ...manufacturingSme,
          rules: [
            { fact: 'organization.revenue', op: 'between', min: 1 },
            { fact: 'organization.region', op: 'in', values: ['urn:aimatch:region:atlantis'] },
            { fact: 'demand.budgetKrw', op: 'between', min: 500, max: 100 },
          ],
        },
      },
      { token: staff.accessToken },
    );
    expect((rules.errors?.[0].extensions.fields as any[]).map((v) => `${v.path}:${v.rule}`)).toEqual([
      'rules.0.fact:enum',
      'rules.1.values.0:unknown-concept',
      'rules.2.max:min-value',
    ]);
    const dates = await t.gql(
      CREATE,
      { i: { ...manufacturingSme, opensOn: '2026-03-01', closesOn: '2026-02-01' } },
      { token: staff.accessToken },
    );
    expect(dates.errors?.[0].extensions.fields).toEqual([expect.objectContaining({ path: 'closesOn', rule: 'min-value' })]);
    const long = await t.gql(
      CREATE,
      { i: { ...manufacturingSme, opensOn: '2026-03-01', closesOn: '2032-03-01' } },
      { token: staff.accessToken },
    );
    expect(long.errors?.[0].extensions.fields).toEqual([expect.objectContaining({ path: 'closesOn', rule: 'max-value' })]);
    expect(await count('SELECT count(*)::int AS n FROM support_programs')).toBe(before);
  });

  it('edits at the current version only, and audits create, edit and publish', async () => {
    const program = await create({ ...manufacturingSme, nameKo: '버전 확인 사업' });
    const edited = await t.gql(
      UPDATE,
      { id: program.id, v: 1, i: { ...manufacturingSme, nameKo: '버전 확인 사업 (수정)' } },
      { token: staff.accessToken },
    );
    expect(edited.data!.updateSupportProgram).toMatchObject({ nameKo: '버전 확인 사업 (수정)', version: 2 });
    const stale = await t.gql(UPDATE, { id: program.id, v: 1, i: manufacturingSme }, { token: staff.accessToken });
    expect(stale.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT' });
    await setStatus(program.id, 'PUBLISHED');
    const actions = await ds.query<Array<{ action: string }>>(
      `SELECT action FROM audit_log WHERE subject_id = $1 ORDER BY created_at, id`,
      [program.id],
    );
    expect(actions.map((a) => a.action)).toEqual(['program.create', 'program.update', 'program.published']);
  });

  it('previews a rule set against the marketplace for staff', async () => {
    const res = await t.gql(
      `query($r: [EligibilityRuleInput!]!) { previewProgramRules(rules: $r) { organizations eligibleOrganizations possibleOrganizations demands eligibleDemands } }`,
      { r: [{ fact: 'organization.kind', op: 'in', values: ['SME'] }, ...visionBudget.rules] },
      { token: staff.accessToken },
    );
    expect(res.data!.previewProgramRules).toEqual({
      organizations: 2,
      eligibleOrganizations: 0,
      possibleOrganizations: 1,
      demands: 1,
      eligibleDemands: 1,
    });
  });

  it('seeds the sample programs once, each marked as a sample with its source and valid rules', async () => {
    const service = t.app.get(ProgramsService);
    expect(await service.seedSamples()).toBe(SAMPLE_PROGRAMS.length);
    expect(await service.seedSamples()).toBe(0);
    const vocabulary = await t.app.get(VocabularyCache).get();
    for (const sample of SAMPLE_PROGRAMS) {
      expect(sample.fields.sourceNote).toMatch(/^샘플: /);
      const view = {
        exists: (scheme: string, id: string) => vocabulary.get(id)?.scheme === scheme,
      };
      expect({ slug: sample.slug, violations: validateEligibilityRules(sample.fields.rules, view) }).toEqual({
        slug: sample.slug,
        violations: [],
      });
    }
    const listed = await t.gql(`{ supportPrograms(first: 50) { edges { node { nameKo isSample sourceNote } } } }`);
    expect(listed.data!.supportPrograms.edges.filter((e: any) => e.node.isSample)).toHaveLength(SAMPLE_PROGRAMS.length);
  });
});
