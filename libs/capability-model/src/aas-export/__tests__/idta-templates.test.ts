import { describe, expect, it } from '@jest/globals';
import * as aas from '@aas-core-works/aas-core3.0-typescript';
import { strFromU8, unzipSync } from 'fflate';
import { exportListingToAas, exportListingToAasx, type AasExportInput } from '../../aas';
import { importListingFromAas } from '../../aas-import';
import type { ListingContent } from '../../submodels';
import { COMPANY, richDemand, richSupply, supply, U, vocabulary } from '../../__tests__/factory';

type Json = any;
const LISTING_ID = '0b8e3c1e-7d2a-4f65-9c1b-2a7e4d9f8c10';
const input = (content: ListingContent, o: Partial<AasExportInput> = {}): AasExportInput => ({
  listingId: LISTING_ID,
  version: 2,
  content,
  company: COMPANY,
  baseIri: 'https://aimatch.or.kr',
  ...o,
});

function verify(json: unknown): string[] {
  const read = aas.jsonization.environmentFromJsonable(JSON.parse(JSON.stringify(json)));
  expect(read.error).toBeNull();
  return [...aas.verification.verify(read.value!)].map((e) => `${e.path.toString()}: ${e.message}`);
}

/** Every ExternalReference key value at `semanticId` / `supplementalSemanticIds` / `semanticIdListElement`, anywhere under `v`. */
function semanticIds(v: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(v)) v.forEach((x) => semanticIds(x, into));
  else if (v && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) {
      const refs = k === 'semanticId' || k === 'semanticIdListElement' ? [x] : k === 'supplementalSemanticIds' ? (x as Json[]) : [];
      for (const r of refs) for (const key of r.keys) into.add(key.value);
      semanticIds(x, into);
    }
  }
  return into;
}

const submodel = (env: Json, semanticId: string) => env.submodels.find((s: Json) => s.semanticId.keys[0].value === semanticId);
const child = (e: Json, idShort: string) => (e.submodelElements ?? e.value).find((x: Json) => x.idShort === idShort);

describe('IDTA 02002 Contact Information', () => {
  it('carries the official semanticIds and the contact in their places', () => {
    const content = richSupply();
    const env: Json = exportListingToAas(input(content), vocabulary);
    const sm = submodel(env, 'https://admin-shell.io/zvei/nameplate/1/0/ContactInformations');
    expect(sm.idShort).toBe('ContactInformations');
    const ids = [...semanticIds(sm)];
    expect(ids).toEqual(
      expect.arrayContaining([
        'https://admin-shell.io/zvei/nameplate/1/0/ContactInformations',
        'https://admin-shell.io/zvei/nameplate/1/0/ContactInformations/ContactInformation',
        '0173-1#02-AAO205#002', // NameOfContact
        '0173-1#02-AAQ836#005', // Email
        '0173-1#02-AAO198#002', // EmailAddress
        '0173-1#02-AAW001#001', // Company
      ]),
    );
    const info = child(sm, 'ContactInformation');
    expect(child(child(info, 'Email'), 'EmailAddress').value).toBe(content.contact.email);
    expect(child(info, 'NameOfContact').value[0].text).toBe(content.contact.name);
    expect(child(info, 'Company').value.map((l: Json) => l.text)).toEqual([COMPANY.nameKo, COMPANY.nameEn]);
    if (content.contact.phone) {
      expect(ids).toContain('0173-1#02-AAO136#002'); // TelephoneNumber
      expect(child(child(info, 'Phone'), 'TelephoneNumber').value[0].text).toBe(content.contact.phone);
    }
  });

  it('is left out for a reader who may not see contact details', () => {
    const content = richDemand();
    const env: Json = exportListingToAas(input(content, { withhold: { contact: true, businessRegistrationNumber: true } }), vocabulary);
    expect(submodel(env, 'https://admin-shell.io/zvei/nameplate/1/0/ContactInformations')).toBeUndefined();
    expect(JSON.stringify(env)).not.toContain(content.contact.email);
    expect(JSON.stringify(env)).not.toContain(COMPANY.businessRegistrationNumber);
    expect(verify(env)).toEqual([]);
  });
});

describe('IDTA 02068 Provision of Company Data', () => {
  it('carries CompanyIdentification with the official semanticIds', () => {
    const env: Json = exportListingToAas(input(richSupply()), vocabulary);
    const sm = submodel(env, 'https://admin-shell.io/idta/CompanyData/1/0/CompanyData');
    expect(sm.idShort).toBe('IdtaCompanyData');
    const ids = semanticIds(sm);
    for (const name of ['CompanyIdentification', 'CompanyName', 'TaxNumber']) {
      expect(ids).toContain(`https://admin-shell.io/idta/CompanyData/${name}/1/0`);
    }
    const ident = child(sm, 'CompanyIdentification');
    expect(child(ident, 'CompanyName').value).toBe(COMPANY.nameKo);
    expect(child(ident, 'TaxNumber').value).toBe(COMPANY.businessRegistrationNumber);
    if (COMPANY.foundedYear !== null)
      expect(child(ident, 'FoundingYear')).toMatchObject({ valueType: 'xs:gYear', value: String(COMPANY.foundedYear) });
    if (COMPANY.industryId) expect(child(ident, 'Industries').value[0].valueId.keys[0].value).toBe(COMPANY.industryId);
  });
});

describe('IDTA 02020 Capability Description', () => {
  it('nests a CapabilityContainer per task with a Capability, its PropertySet and relations', () => {
    const content = richSupply();
    const env: Json = exportListingToAas(input(content), vocabulary);
    const sm = submodel(env, 'https://admin-shell.io/idta/SubmodelTemplate/CapabilityDescription/1/0');
    const base = 'https://admin-shell.io/idta/CapabilityDescription';
    expect([...semanticIds(sm)]).toEqual(
      expect.arrayContaining(
        [
          'CapabilitySet',
          'CapabilityContainer',
          'Capability',
          'CapabilityComment',
          'PropertySet',
          'PropertyContainer',
          'PropertyComment',
          'CapabilityRelations',
          'CapabilityRealizedBy',
        ].map((n) => `${base}/${n}/1/0`),
      ),
    );
    const set = child(sm, 'CapabilitySet');
    expect(set.value).toHaveLength(content.capability.tasks.length);
    const capabilities = set.value.map((c: Json) => c.value.find((e: Json) => e.modelType === 'Capability'));
    expect(capabilities.map((c: Json) => c.semanticId.keys[0].value)).toEqual(content.capability.tasks);
    const first = child(set.value[0], 'PropertySet');
    const filled = (['modalities', 'industries', 'deployments', 'integrations', 'languages'] as const).filter(
      (k) => content.capability[k].length,
    );
    expect(first.value.map((p: Json) => p.idShort)).toEqual(filled);
    const list = child(first.value[0], filled[0]);
    expect(list.value.map((p: Json) => p.value)).toEqual(content.capability[filled[0]]);
    expect(list.semanticId.keys[0].value).toBe(`urn:aimatch:element:Capability:${filled[0]}`);
    if (set.value.length > 1) {
      const same = child(child(child(set.value[1], 'PropertySet'), filled[0]), 'SameProperty');
      expect(same.second.keys.map((k: Json) => k.value)).toEqual([
        sm.id,
        'CapabilitySet',
        'CapabilityContainer00',
        'PropertySet',
        filled[0],
        filled[0],
      ]);
    }
    const realized = child(child(set.value[0], 'CapabilityRelations'), 'CapabilityRealizedBy');
    expect(realized.second.keys[0].value).toBe(env.assetAdministrationShells[0].assetInformation.globalAssetId);
  });

  it('describes a demand’s required capabilities the same way, and is absent without tasks', () => {
    const env: Json = exportListingToAas(input(richDemand()), vocabulary);
    expect(
      child(submodel(env, 'https://admin-shell.io/idta/SubmodelTemplate/CapabilityDescription/1/0'), 'CapabilitySet').value.length,
    ).toBe(richDemand().requirement.tasks.length);
    const none: Json = exportListingToAas(input({ ...richDemand(), requirement: { ...richDemand().requirement, tasks: [] } }), vocabulary);
    expect(submodel(none, 'https://admin-shell.io/idta/SubmodelTemplate/CapabilityDescription/1/0')).toBeUndefined();
  });
});

describe('ConceptDescriptions', () => {
  it.each([
    ['rich supply', richSupply()],
    ['rich demand', richDemand()],
    ['minimal supply', supply()],
  ])('%s: every semanticId used has one, with ko and en names and an English definition', (_, content) => {
    const env: Json = exportListingToAas(input(content), vocabulary);
    const cds = new Map<string, Json>(env.conceptDescriptions.map((c: Json) => [c.id, c]));
    expect(cds.size).toBe(env.conceptDescriptions.length);
    const used = semanticIds({ submodels: env.submodels });
    for (const id of used) {
      const cd = cds.get(id);
      if (!cd) throw new Error(`no ConceptDescription for ${id}`);
      const iec = cd.embeddedDataSpecifications[0].dataSpecificationContent;
      expect(iec.preferredName.map((l: Json) => l.language).sort()).toEqual(['en', 'ko']);
      expect(iec.definition.some((l: Json) => l.language === 'en')).toBe(true);
    }
    expect(cds.get('urn:aimatch:element:ContactInformation:email').displayName).toEqual([
      { language: 'ko', text: '이메일' },
      { language: 'en', text: 'E-mail' },
    ]);
    expect(cds.get(U('task', 'visual-inspection')) ?? [...cds.keys()].find((k) => k.startsWith('urn:aimatch:task:'))).toBeDefined();
  });
});

describe('.aasx', () => {
  const files = [
    { name: '과업지시서 v2.pdf', contentType: 'application/pdf', bytes: new TextEncoder().encode('%PDF-1.4 test') },
    { name: 'sample.png', contentType: 'image/png', bytes: new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10]) },
  ];

  it('is an OPC package with the AAS JSON part, its relationships and the supplementary files', () => {
    const zip = unzipSync(exportListingToAasx(input(richDemand()), vocabulary, files));
    expect(Object.keys(zip).sort()).toEqual(
      [
        '[Content_Types].xml',
        '_rels/.rels',
        'aasx/aasx-origin',
        'aasx/_rels/aasx-origin.rels',
        'aasx/aas/aas.json',
        'aasx/aas/_rels/aas.json.rels',
        'aasx/files/1-v2.pdf',
        'aasx/files/2-sample.png',
      ].sort(),
    );
    const types = strFromU8(zip['[Content_Types].xml']);
    expect(types).toContain('Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"');
    expect(types).toContain('PartName="/aasx/files/1-v2.pdf" ContentType="application/pdf"');
    expect(strFromU8(zip['_rels/.rels'])).toContain(
      'Type="http://admin-shell.io/aasx/relationships/aasx-origin" Target="/aasx/aasx-origin"',
    );
    expect(strFromU8(zip['aasx/_rels/aasx-origin.rels'])).toContain(
      'Type="http://admin-shell.io/aasx/relationships/aas-spec" Target="/aasx/aas/aas.json"',
    );
    expect(strFromU8(zip['aasx/aas/_rels/aas.json.rels'])).toContain(
      'Type="http://admin-shell.io/aasx/relationships/aas-suppl" Target="/aasx/files/2-sample.png"',
    );
    expect([...zip['aasx/files/2-sample.png']]).toEqual([...files[1].bytes]);
    const env: Json = JSON.parse(strFromU8(zip['aasx/aas/aas.json']));
    expect(verify(env)).toEqual([]);
    const fileList = env.submodels.find((s: Json) => s.idShort === 'ListingFiles').submodelElements[0].value;
    expect(fileList.map((f: Json) => [f.value, f.contentType, f.displayName[0].text])).toEqual([
      ['/aasx/files/1-v2.pdf', 'application/pdf', '과업지시서 v2.pdf'],
      ['/aasx/files/2-sample.png', 'image/png', 'sample.png'],
    ]);
    // The package's environment reads back as the listing.
    const back = importListingFromAas(env, vocabulary);
    expect(back.ok && back.content).toStrictEqual(richDemand());
  });

  it('is byte-identical for the same listing, and without files has no supplementary relationships', () => {
    const a = exportListingToAasx(input(richSupply()), vocabulary);
    expect(Buffer.from(a).equals(Buffer.from(exportListingToAasx(input(richSupply()), vocabulary)))).toBe(true);
    expect(Object.keys(unzipSync(a))).not.toContain('aasx/aas/_rels/aas.json.rels');
  });
});
