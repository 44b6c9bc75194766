import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  bootTestApp,
  createSupply,
  publish,
  signInStaff,
  signUpOrganization,
  type SignedUp,
  supplyInput,
  type TestApp,
} from '@aimatch/api-testing';
import { AAS_IMPORT_LIMITS } from '@aimatch/contracts';
import { DataSource } from 'typeorm';
import { supplierEnvironment } from '../../../../../../libs/capability-model/src/__tests__/fixtures/idta-supplier';

/** AAS import with preview, shell choice and mapping report (#17 items 2, 3, 5). */
type Json = any;
const PREVIEW = `mutation($o: ID!, $s: AasImportSourceInput!, $shell: String) {
  previewAasImport(organizationId: $o, source: $s, shellId: $shell) {
    format needsChoice selectedShellId title kind
    shells { id name source submodelCount }
    report { path semanticId outcome field value reason template }
    warnings { path rule message } incomplete { path rule message } supplementaryFiles
  } }`;
const IMPORT = `mutation($o: ID!, $s: AasImportSourceInput!, $shell: String) {
  importListingFromAas(organizationId: $o, source: $s, shellId: $shell) {
    id kind status title titleEn summary
    ... on SupplyListing { capability { tasks { id } modalities { id } deployments { id } } }
    contact { name email phone }
  } }`;

describe('AAS import: preview, shell choice, confirm', () => {
  let t: TestApp;
  let supplier: SignedUp;
  let staff: string;
  let rows: () => Promise<number>;

  beforeAll(async () => {
    t = await bootTestApp();
    supplier = await signUpOrganization(t, { kind: 'AI_SUPPLIER' as never });
    staff = (await signInStaff(t)).accessToken;
    rows = async () => (await t.app.get(DataSource).query('SELECT count(*)::int AS n FROM listings'))[0].n;
  });
  afterAll(async () => t?.close());

  const preview = (s: Json, shell: string | null = null) =>
    t.gql(PREVIEW, { o: supplier.organizationId, s, shell }, { token: supplier.accessToken });
  const confirm = (s: Json, shell: string | null = null) =>
    t.gql(IMPORT, { o: supplier.organizationId, s, shell }, { token: supplier.accessToken });

  it('a shell built only from official-template elements: preview with mapping report, then a draft with title, contact and capabilities', async () => {
    const json = JSON.stringify(supplierEnvironment());
    const before = await rows();
    const p = await preview({ json });
    expect(p.errors).toBeUndefined();
    const r = p.data!.previewAasImport;
    expect(r).toMatchObject({ format: 'json', needsChoice: false, kind: 'SUPPLY', title: '비전 검사 AI 솔루션' });
    const read = (field: string) => r.report.find((e: Json) => e.outcome === 'read' && e.field?.split(', ').includes(field));
    expect(read('contact.email')).toMatchObject({
      path: 'ContactInformations.ContactInformation.Email.EmailAddress',
      template: 'contactInformation',
    });
    expect(read('company.businessRegistrationNumber')).toMatchObject({
      path: 'CompanyData.CompanyIdentification.CommercialRegisterNumber',
    });
    expect(read('capability.tasks')).toBeTruthy();
    expect(r.report.find((e: Json) => e.path === 'CompanyData.BankAccounts')).toMatchObject({
      outcome: 'ignored',
      reason: 'not-a-listing-field',
    });
    expect(await rows()).toBe(before); // the preview writes nothing

    const c = await confirm({ json });
    expect(c.errors).toBeUndefined();
    expect(c.data!.importListingFromAas).toMatchObject({
      kind: 'SUPPLY',
      status: 'DRAFT',
      title: '비전 검사 AI 솔루션',
      contact: { name: '김민준', email: 'sales@visionworks.example', phone: '+82-2-555-0199' },
      capability: { tasks: [{ id: 'urn:aimatch:task:visual-inspection' }], modalities: [{ id: 'urn:aimatch:modality:image' }] },
    });
    expect(await rows()).toBe(before + 1);
  });

  it('accepts a file starting with a UTF-8 BOM, as text and as uploaded bytes', async () => {
    const json = '\ufeff' + JSON.stringify(supplierEnvironment());
    expect((await preview({ json })).data!.previewAasImport.title).toBe('비전 검사 AI 솔루션');
    const base64 = Buffer.from(json, 'utf8').toString('base64');
    expect((await preview({ base64 })).data!.previewAasImport.title).toBe('비전 검사 AI 솔루션');
  });

  it('two shells are a choice, never merged; nothing is written until one is chosen', async () => {
    const a = supplierEnvironment('https://a.example/aas', { designation: '첫째 솔루션', email: 'a@a.example' });
    const b = supplierEnvironment('https://b.example/aas', { designation: '둘째 솔루션', email: 'b@b.example' });
    const env = {
      assetAdministrationShells: [...a.assetAdministrationShells, ...b.assetAdministrationShells],
      submodels: [...a.submodels, ...b.submodels],
    };
    const json = JSON.stringify(env);
    const p = (await preview({ json })).data!.previewAasImport;
    expect(p.needsChoice).toBe(true);
    expect(p.shells).toHaveLength(2);
    expect(p.report).toEqual([]);
    const before = await rows();
    const refused = await confirm({ json });
    expect(refused.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(refused.errors![0].extensions.fields![0]).toMatchObject({ path: 'shellId', rule: 'required' });
    expect(await rows()).toBe(before);
    const second = p.shells[1].id;
    const chosen = await confirm({ json }, second);
    expect(chosen.data!.importListingFromAas).toMatchObject({ title: '둘째 솔루션', contact: { email: 'b@b.example' } });
    const unknown = await confirm({ json }, 'https://nowhere.example/shell');
    expect(unknown.errors![0].extensions.code).toBe('BAD_USER_INPUT');
    expect(await rows()).toBe(before + 1);
  });

  it('errors name the path; a broken file or two sources write nothing', async () => {
    const before = await rows();
    const notJson = await confirm({ json: '{ not json' });
    expect(notJson.errors![0].extensions.fields![0]).toMatchObject({ rule: 'json' });
    expect(notJson.errors![0].extensions.fields![0].path).toMatch(/^source\./);
    const both = await confirm({ json: '{}', base64: 'e30=' });
    expect(both.errors![0].extensions.fields![0]).toMatchObject({ path: 'source', rule: 'required' });
    const badBase64 = await preview({ base64: '***' });
    expect(badBase64.errors![0].extensions.fields![0]).toMatchObject({ path: 'source.base64', rule: 'format' });
    expect(await rows()).toBe(before);
  });

  it('a file over the import limit is a typed error on its field (not an HTTP refusal); one at the limit gets through', async () => {
    const over = Buffer.alloc(AAS_IMPORT_LIMITS.maxFileBytes + 1, 0x20).toString('base64');
    const tooLarge = await preview({ base64: over });
    expect(tooLarge.errors![0].extensions.fields![0]).toMatchObject({ path: 'source.base64', rule: 'max-bytes' });
    const overText = await preview({ json: `{"x":"${'가'.repeat(Math.ceil(AAS_IMPORT_LIMITS.maxFileBytes / 3))}"}` });
    expect(overText.errors![0].extensions.fields![0]).toMatchObject({ path: 'source.json', rule: 'max-bytes' });
    // At the limit the request still fits the API's body limit: the file is read (and found not to be an AAS).
    const atLimit = await preview({ base64: Buffer.alloc(AAS_IMPORT_LIMITS.maxFileBytes, 0x20).toString('base64') });
    expect(atLimit.errors![0].extensions.fields![0].rule).not.toBe('max-bytes');
  });

  it('an .aasx round trip of our own export gives the same listing fields', async () => {
    const s = await publish(
      t,
      await createSupply(t, supplier, supplyInput({ titleEn: 'Inline vision inspection' })),
      supplier.accessToken,
      staff,
    );
    const shown = await t.gql('query($id: ID!) { listingAas(id: $id) }', { id: s.id }, { token: supplier.accessToken });
    const shellId = JSON.parse(shown.data!.listingAas).assetAdministrationShells[0].id as string;
    const pkg = await t.app.inject({
      method: 'GET',
      url: `/aas/packages/${Buffer.from(shellId, 'utf8').toString('base64url')}`,
      headers: { authorization: `Bearer ${supplier.accessToken}` },
    });
    expect(pkg.statusCode).toBe(200);
    const base64 = Buffer.from(pkg.rawPayload).toString('base64');
    const p = (await preview({ base64 })).data!.previewAasImport;
    expect(p).toMatchObject({ format: 'aasx', needsChoice: false, kind: 'SUPPLY' });
    expect(p.shells[0].source).toBe('aimatch');
    const original = await t.gql(
      IMPORT.replace('importListingFromAas(organizationId: $o, source: $s, shellId: $shell)', 'listing(id: $id)').replace(
        'mutation($o: ID!, $s: AasImportSourceInput!, $shell: String)',
        'query($id: ID!)',
      ),
      { id: s.id },
      { token: supplier.accessToken },
    );
    const imported = await confirm({ base64 });
    const { id: _a, status: _s, ...fields } = imported.data!.importListingFromAas;
    const { id: _b, status: _t, ...expected } = original.data!.listing;
    expect(fields).toEqual(expected);
    expect(imported.data!.importListingFromAas.status).toBe('DRAFT');
  });
});
