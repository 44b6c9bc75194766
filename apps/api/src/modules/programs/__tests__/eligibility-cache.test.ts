import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { bootTestApp, signInStaff, signUpOrganization, type SignedUp, type TestApp } from '@aimatch/api-testing';
import { DataSource } from 'typeorm';

const ELIGIBLE = `query($o: ID) { eligiblePrograms(organizationId: $o, first: 50) { totalCount edges { node { verdict program { id nameKo } } } } }`;
const RULES = JSON.stringify([{ fact: 'organization.kind', op: 'in', values: ['SME'] }]);

/**
 * #15 "Numbers": eligibility keeps the parsed open programs per catalogue version, and every write to
 * support_programs (through the service or not, from any instance) bumps that version, so a check
 * never answers from a stale list.
 */
describe('eligibility reads the open programs once per catalogue version', () => {
  let t: TestApp;
  let ds: DataSource;
  let sme: SignedUp;
  const names = async () => {
    const res = await t.gql(ELIGIBLE, { o: sme.organizationId }, { token: sme.accessToken });
    if (!res.data) throw new Error(JSON.stringify(res.errors));
    return (res.data.eligiblePrograms.edges as Array<{ node: { program: { nameKo: string } } }>).map((e) => e.node.program.nameKo).sort();
  };
  const version = async () => Number((await ds.query('SELECT version FROM support_program_catalogue'))[0].version);

  beforeAll(async () => {
    t = await bootTestApp();
    ds = t.app.get(DataSource);
    sme = await signUpOrganization(t);
    await signInStaff(t);
  });
  afterAll(() => t.close());

  it('sees programs inserted, edited, closed, unpublished and deleted behind its back', async () => {
    const before = await names();
    const v0 = await version();
    const [p] = await ds.query(
      `INSERT INTO support_programs (status, name_ko, agency_ko, benefit_ko, rules) VALUES ('PUBLISHED', '캐시 확인 사업', '협회', '지원', $1) RETURNING id`,
      [RULES],
    );
    expect(await version()).toBeGreaterThan(v0);
    expect(await names()).toEqual([...before, '캐시 확인 사업'].sort());
    expect(await names()).toEqual([...before, '캐시 확인 사업'].sort()); // served from the cache, same answer

    await ds.query(`UPDATE support_programs SET name_ko = '캐시 확인 사업 (수정)' WHERE id = $1`, [p.id]);
    expect(await names()).toEqual([...before, '캐시 확인 사업 (수정)'].sort());

    await ds.query(`UPDATE support_programs SET rules = $2 WHERE id = $1`, [
      p.id,
      JSON.stringify([{ fact: 'organization.kind', op: 'in', values: ['AI_SUPPLIER'] }]),
    ]);
    expect(await names()).toEqual(before);

    await ds.query(`UPDATE support_programs SET rules = $2, closes_on = date '2000-01-01' WHERE id = $1`, [p.id, RULES]);
    expect(await names()).toEqual(before);
    await ds.query(`UPDATE support_programs SET closes_on = NULL, status = 'DRAFT' WHERE id = $1`, [p.id]);
    expect(await names()).toEqual(before);
    await ds.query(`UPDATE support_programs SET status = 'PUBLISHED' WHERE id = $1`, [p.id]);
    expect(await names()).toEqual([...before, '캐시 확인 사업 (수정)'].sort());

    await ds.query(`DELETE FROM support_programs WHERE id = $1`, [p.id]);
    expect(await names()).toEqual(before);
  });
});
