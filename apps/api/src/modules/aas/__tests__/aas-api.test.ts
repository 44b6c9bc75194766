import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import * as aas from '@aas-core-works/aas-core3.0-typescript';
import { bootTestApp, signInStaff, type TestApp } from '@aimatch/api-testing';
import { strFromU8, unzipSync } from 'fflate';
import { DataSource } from 'typeorm';
import { DemoSeeder } from '../../../seed/demo.seeder';

/**
 * The AAS export of every demo listing, as JSON (GraphQL listingAas) and as .aasx (GET /aas/packages),
 * verified with aas-core3.0 (aas-core3.1 has no npm package: the registry answers 404 for
 * @aas-core-works/aas-core3.1-typescript), and the read-only AAS API for an anonymous caller.
 */
type Json = any;
const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64url');

function verificationErrors(json: unknown): string[] {
  const read = aas.jsonization.environmentFromJsonable(json as aas.jsonization.JsonValue);
  if (read.error) return [`${read.error.path.toString()}: ${read.error.message}`];
  return [...aas.verification.verify(read.value!)].map((e) => `${e.path.toString()}: ${e.message}`);
}

describe('AAS export of the demo marketplace and the AAS API', () => {
  let t: TestApp;
  let staffToken: string;
  let ids: Array<{ id: string; kind: string; visibility: string | null }>;
  let emails: string[];
  const get = (url: string, token?: string) =>
    t.app.inject({ method: 'GET', url, headers: token ? { authorization: `Bearer ${token}` } : {} });

  beforeAll(async () => {
    t = await bootTestApp();
    await t.app.get(DemoSeeder).seed();
    staffToken = (await signInStaff(t)).accessToken;
    const db = t.app.get(DataSource);
    ids = await db.query(`SELECT id, kind, content->>'visibility' AS visibility FROM listings WHERE status = 'PUBLISHED' ORDER BY id`);
    emails = (await db.query(`SELECT DISTINCT content->'contact'->>'email' AS e FROM listings`)).map((r: Json) => r.e).filter(Boolean);
  });
  afterAll(() => t.close());

  it('exports every demo listing as JSON and as .aasx, both verifying with zero errors', async () => {
    expect(ids.length).toBe(110);
    const failures: string[] = [];
    let withTasks = 0;
    for (const { id } of ids) {
      const res = await t.gql('query($id: ID!) { listingAas(id: $id) }', { id }, { token: staffToken });
      const env = JSON.parse(res.data!.listingAas as string);
      for (const e of verificationErrors(env)) failures.push(`${id} json ${e}`);
      const shellId = env.assetAdministrationShells[0].id;
      const pkg = await get(`/aas/packages/${b64(shellId)}`, staffToken);
      expect(pkg.statusCode).toBe(200);
      expect(pkg.headers['content-type']).toBe('application/asset-administration-shell-package');
      const zip = unzipSync(new Uint8Array(pkg.rawPayload));
      expect(strFromU8(zip['aasx/_rels/aasx-origin.rels'])).toContain('/aasx/aas/aas.json');
      const packed = JSON.parse(strFromU8(zip['aasx/aas/aas.json']));
      for (const e of verificationErrors(packed)) failures.push(`${id} aasx ${e}`);
      const idShorts = packed.submodels.map((s: Json) => s.idShort);
      expect(idShorts).toContain('ContactInformations');
      const own = packed.submodels.find((s: Json) => s.idShort === 'AICapability' || s.idShort === 'AIRequirement');
      const tasks = own.submodelElements.find((e: Json) => e.idShort === 'tasks').value ?? [];
      if (tasks.length) withTasks++;
      expect(idShorts.includes('CapabilityDescription')).toBe(tasks.length > 0);
    }
    expect(failures).toEqual([]);
    expect(withTasks).toBeGreaterThan(ids.length / 2);
  });

  it('answers a shell list and a submodel for an anonymous caller, without contact details', async () => {
    const shells: Json[] = [];
    let cursor: string | undefined;
    do {
      const res = await get(`/aas/shells?limit=40${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.statusCode).toBe(200);
      const body = res.json();
      shells.push(...body.result);
      cursor = body.paging_metadata.cursor;
    } while (cursor);
    const visible = ids.filter((l) => l.kind === 'SUPPLY' || l.visibility === 'PUBLIC');
    expect(shells.map((s) => s.assetInformation.specificAssetIds[0].value).sort()).toEqual(visible.map((l) => l.id).sort());
    expect(new Set(shells.map((s) => s.id)).size).toBe(shells.length);

    const shell = shells[0];
    const refs = (await get(`/aas/shells/${b64(shell.id)}/submodel-refs`)).json();
    const submodelIds: string[] = refs.result.map((r: Json) => r.keys[0].value);
    expect(submodelIds.some((s) => s.endsWith('/ContactInformation') || s.endsWith('/ContactInformations'))).toBe(false);
    const info = await get(`/aas/submodels/${b64(submodelIds.find((s) => s.endsWith('/ListingInformation'))!)}`);
    expect(info.statusCode).toBe(200);
    expect(info.json()).toMatchObject({ modelType: 'Submodel', idShort: 'ListingInformation' });
    const company = (await get(`/aas/submodels/${b64(submodelIds.find((s) => s.endsWith('/IdtaCompanyData'))!)}`)).json();
    expect(JSON.stringify(company)).not.toContain('TaxNumber');

    const everything = JSON.stringify(shells) + info.body + JSON.stringify(company);
    expect(emails.length).toBeGreaterThan(0);
    for (const e of emails) expect(everything).not.toContain(e);
    // Not even by asking for the contact submodel by its id.
    const contact = await get(`/aas/submodels/${b64(`${shell.id}/submodels/ContactInformations`)}`);
    expect(contact.statusCode).toBe(404);
    const pkg = await get(`/aas/packages/${b64(shell.id)}`);
    const packed = strFromU8(unzipSync(new Uint8Array(pkg.rawPayload))['aasx/aas/aas.json']);
    for (const e of emails) expect(packed).not.toContain(e);
  });

  it('gives a signed-in member the contact submodel', async () => {
    const list = (await get('/aas/shells?limit=1', staffToken)).json();
    const shell = list.result[0];
    const refs = shell.submodels.map((r: Json) => r.keys[0].value as string);
    const contactId = refs.find((s: string) => s.endsWith('/ContactInformations'))!;
    const contact = await get(`/aas/submodels/${b64(contactId)}`, staffToken);
    expect(contact.statusCode).toBe(200);
    expect(JSON.stringify(contact.json())).toContain('0173-1#02-AAO198#002');
  });

  it('lists shell descriptors with endpoints, and concept descriptions, paged', async () => {
    const d = (await get('/aas/shell-descriptors?limit=2')).json();
    expect(d.result).toHaveLength(2);
    expect(d.paging_metadata.cursor).toEqual(expect.any(String));
    const href: string = d.result[0].endpoints[0].protocolInformation.href;
    expect(d.result[0].endpoints[0].interface).toBe('AAS-3.0');
    expect((await get(href.replace(/^https?:\/\/[^/]+/, ''))).json().id).toBe(d.result[0].id);
    expect(d.result[0].submodelDescriptors[0].endpoints[0].interface).toBe('SUBMODEL-3.0');

    const first = (await get('/aas/concept-descriptions?limit=50')).json();
    expect(first.result).toHaveLength(50);
    const second = (await get(`/aas/concept-descriptions?limit=50&cursor=${first.paging_metadata.cursor}`)).json();
    expect(second.result[0].id).not.toBe(first.result[0].id);
    const email = (await get('/aas/concept-descriptions?idShort=ECLASS_AAO198_002')).json();
    expect(email.result.map((c: Json) => c.id)).toEqual(['0173-1#02-AAO198#002']);
    expect(verificationErrors({ conceptDescriptions: [...first.result, ...second.result] })).toEqual([]);
  });

  it('answers errors in the Result shape: bad limit, bad id, unknown shell, bad cursor', async () => {
    const limit = await get('/aas/shells?limit=1000');
    expect(limit.statusCode).toBe(400);
    expect(limit.json().messages).toEqual([
      expect.objectContaining({ code: 'BAD_USER_INPUT', messageType: 'Error', timestamp: expect.any(String) }),
      expect.objectContaining({ code: 'range', text: expect.stringContaining('limit') }),
    ]);
    expect((await get('/aas/shells/not*base64')).json().messages[1]).toMatchObject({
      code: 'format',
      text: expect.stringContaining('aasIdentifier'),
    });
    const unknown = await get(`/aas/shells/${b64('https://aimatch.or.kr/aas/listings/00000000-0000-4000-8000-000000000000')}`);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().messages[0].code).toBe('NOT_FOUND');
    expect((await get(`/aas/shells/${b64('https://elsewhere.example/aas/listings/' + ids[0].id)}`)).statusCode).toBe(404);
    const cursor = await get('/aas/shells?cursor=garbage');
    expect(cursor.statusCode).toBe(400);
    expect(cursor.json().messages[1]).toMatchObject({ code: 'format', text: expect.stringContaining('cursor') });
  });
});
