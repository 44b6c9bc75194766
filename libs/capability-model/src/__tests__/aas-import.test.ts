import { describe, expect, it } from '@jest/globals';
import * as aas from '@aas-core-works/aas-core3.0-typescript';
import { strToU8, zipSync } from 'fflate';
import { exportListingToAas } from '../aas';
import {
  AASX_LIMITS,
  IDTA_ELEMENTS,
  IDTA_SUBMODELS,
  importListingFromAas,
  previewAasImport,
  semanticKey,
  type AasImportPreview,
} from '../aas-import';
import { CAPABILITY_MODEL_RULES } from '../validate';
import { COMPANY, richSupply, U, vocabulary } from './factory';
import { capabilityDescription, companyData, prop, ref, smc, submodel, supplierEnvironment } from './fixtures/idta-supplier';

type Json = any;
type Ok = Extract<AasImportPreview, { ok: true }>;

const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

function ok(r: AasImportPreview): Ok {
  if (!r.ok) throw new Error(JSON.stringify(r.issues, null, 1));
  return r;
}
const issues = (r: AasImportPreview) => {
  if (r.ok) throw new Error('expected a failure');
  for (const i of r.issues) expect(CAPABILITY_MODEL_RULES).toContain(i.rule);
  return r.issues;
};
const read = (r: Ok, field: string) => r.report.filter((e) => e.outcome === 'read' && e.field?.split(', ').includes(field));

const ownExport = () =>
  exportListingToAas(
    { listingId: 'l-1', version: 2, company: COMPANY, baseIri: 'https://aimatch.or.kr', content: richSupply() },
    vocabulary,
  ) as Json;

function aasx(files: Record<string, string | Uint8Array>): Uint8Array {
  return zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, typeof v === 'string' ? strToU8(v) : v])));
}
const ROOT_RELS =
  '<?xml version="1.0" encoding="utf-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Type="http://admin-shell.io/aasx/relationships/aasx-origin" Target="/aasx/aasx-origin" Id="r0" /></Relationships>';
const originRels = (target: string) =>
  '<?xml version="1.0" encoding="utf-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  `<Relationship Type="http://admin-shell.io/aasx/relationships/aas-spec" Target="${target}" Id="r1" /></Relationships>`;
const CONTENT_TYPES =
  '<?xml version="1.0" encoding="utf-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml" /></Types>';
const packageOf = (json: unknown, extra: Record<string, string | Uint8Array> = {}) =>
  aasx({
    '[Content_Types].xml': CONTENT_TYPES,
    '_rels/.rels': ROOT_RELS,
    'aasx/aasx-origin': '',
    'aasx/_rels/aasx-origin.rels': originRels('/aasx/data/supplier.aas.json'),
    'aasx/data/supplier.aas.json': JSON.stringify(json),
    ...extra,
  });

describe('a supplier shell built only from official IDTA template elements', () => {
  const r = ok(previewAasImport(JSON.stringify(supplierEnvironment()), vocabulary));

  it('gives a supply draft with title, contact, company facts and capabilities filled', () => {
    expect(r).toMatchObject({
      format: 'json',
      needsChoice: false,
      source: 'third-party',
      selectedShellId: 'https://visionworks.example/aas/shell',
    });
    const { content, company } = r.draft!;
    expect(content).toMatchObject({
      kind: 'SUPPLY',
      title: '비전 검사 AI 솔루션',
      summary: '제조 현장의 비전 검사 AI를 만듭니다.',
      contact: { name: '김민준', role: '영업 담당', email: 'sales@visionworks.example', phone: '+82-2-555-0199' },
    });
    expect(content.description).toContain('딥러닝으로 표면 결함을 찾습니다.');
    expect(content.kind === 'SUPPLY' && content.capability).toMatchObject({
      tasks: [U('task', 'visual-inspection')],
      modalities: [U('modality', 'image')],
      deployments: [U('deployment', 'on-premise')],
      industries: [U('industry', 'manufacturing')],
    });
    expect(company).toEqual({
      nameKo: '주식회사 비전웍스',
      nameEn: 'VisionWorks Co., Ltd.',
      businessRegistrationNumber: '2208162517',
      regionId: U('region', 'seoul'),
      industryId: U('industry', 'manufacturing'),
      website: 'https://visionworks.example',
      foundedYear: 2016,
    });
    expect(r.incomplete).toEqual([]);
  });

  it('reports what was read into which field, by element path and template', () => {
    expect(read(r, 'contact.email')).toEqual([
      {
        path: 'ContactInformations.ContactInformation.Email.EmailAddress',
        semanticId: '0173-1#02-AAO198#002',
        outcome: 'read',
        field: 'contact.email',
        value: 'sales@visionworks.example',
        reason: null,
        template: 'contactInformation',
      },
    ]);
    expect(read(r, 'title')[0]).toMatchObject({ path: 'Nameplate.ManufacturerProductDesignation', template: 'digitalNameplate' });
    expect(read(r, 'capability.tasks')[0]).toMatchObject({
      path: 'CapabilityDescription.CapabilitySet.CapabilityContainer.VisualInspection',
      template: 'capabilityDescription',
    });
    expect(read(r, 'company.businessRegistrationNumber')[0]).toMatchObject({
      path: 'CompanyData.CompanyIdentification.CommercialRegisterNumber',
    });
  });

  it('reports what was ignored, and why', () => {
    const ignored = (path: string) => r.report.find((e) => e.path === path);
    expect(ignored('CompanyData.BankAccounts')).toMatchObject({ outcome: 'ignored', reason: 'not-a-listing-field' });
    expect(ignored('Nameplate.SerialNumber')).toMatchObject({ outcome: 'ignored', reason: 'not-a-listing-field', value: 'SN-0001' });
    expect(ignored('AIDataset')).toMatchObject({ outcome: 'ignored', reason: 'not-for-supply', template: 'aiDataset' });
    expect(ignored('CapabilityDescription.CapabilitySet.CapabilityContainer2.Teleportation')).toMatchObject({
      reason: 'no-matching-concept',
      value: 'Teleportation',
    });
    // The company name of 02002 after the one of the nameplate.
    expect(ignored('ContactInformations.ContactInformation.Company')).toMatchObject({ reason: 'already-filled' });
    for (const e of r.report) expect(e.outcome === 'read' ? e.field : e.reason).toBeTruthy();
  });

  it('reads every version tag of the templates (other IRI versions, other IRDI versions)', () => {
    const env = clone(supplierEnvironment());
    const retag = (v: unknown): unknown => {
      if (Array.isArray(v)) return v.map(retag);
      if (v && typeof v === 'object') {
        const o = Object.fromEntries(Object.entries(v).map(([k, x]) => [k, retag(x)]));
        if (o.type === 'GlobalReference' && typeof o.value === 'string') {
          o.value = o.value
            .replace(/\/1\/0(?=\/|$)/g, '/1/1')
            .replace(/#(\d{3})$/, (_: string, n: string) => `#${String(Number(n) + 1).padStart(3, '0')}`);
        }
        return o;
      }
      return v;
    };
    const again = ok(previewAasImport(JSON.stringify(retag(env)), vocabulary));
    expect(again.draft!.content).toEqual(r.draft!.content);
    expect(semanticKey('https://admin-shell.io/idta/CompanyData/CompanyName/1/0')).toBe(
      semanticKey('https://admin-shell.io/idta/CompanyData/CompanyName/2/1/3'),
    );
    expect(semanticKey('0173-1#02-AAO198#002')).toBe(semanticKey('0173-1#02-AAO198#003'));
  });

  it('names the official semanticIds it reads', () => {
    expect(IDTA_SUBMODELS.companyData).toEqual(['https://admin-shell.io/idta/CompanyData/1/0/CompanyData']);
    expect(IDTA_SUBMODELS.contactInformation).toEqual(['https://admin-shell.io/zvei/nameplate/1/0/ContactInformations']);
    expect(IDTA_ELEMENTS.emailAddress).toBe('0173-1#02-AAO198#002');
    expect(IDTA_ELEMENTS.telephoneNumber).toBe('0173-1#02-AAO136#002');
  });
});

describe('upload forms', () => {
  const env = supplierEnvironment();

  it('accepts a UTF-8 byte order mark, in text and in bytes', () => {
    const text = `\uFEFF${JSON.stringify(env)}`;
    expect(ok(previewAasImport(text, vocabulary)).draft!.content.title).toBe('비전 검사 AI 솔루션');
    expect(ok(previewAasImport(new TextEncoder().encode(text), vocabulary)).draft!.content.title).toBe('비전 검사 AI 솔루션');
    // The product's own strict import too.
    expect(importListingFromAas(`\uFEFF${JSON.stringify(ownExport())}`, vocabulary).ok).toBe(true);
  });

  it('reads an .aasx package through its aasx-origin relationships, and lists its supplementary files', () => {
    const r = ok(previewAasImport(packageOf(env, { 'aasx/files/logo.png': new Uint8Array([1, 2, 3]) }), vocabulary));
    expect(r).toMatchObject({ format: 'aasx', supplementaryFiles: ['aasx/files/logo.png'] });
    expect(r.draft!.content.title).toBe('비전 검사 AI 솔루션');
  });

  it('refuses XML parts with a typed error: there is no XML parser', () => {
    const xml = aasx({
      '_rels/.rels': ROOT_RELS,
      'aasx/aasx-origin': '',
      'aasx/_rels/aasx-origin.rels': originRels('/aasx/data/supplier.aas.xml'),
      'aasx/data/supplier.aas.xml': '<environment/>',
    });
    expect(issues(previewAasImport(xml, vocabulary))).toEqual([
      { path: 'aasx/data/supplier.aas.xml', rule: 'aasx-xml-unsupported', severity: 'error' },
    ]);
  });

  it('refuses packages that are not OPC, leave the package, hold too many entries or declare too much', () => {
    expect(issues(previewAasImport(aasx({ 'a.json': '{}' }), vocabulary))[0]).toMatchObject({ path: '_rels/.rels', rule: 'aasx-package' });
    const traversal = aasx({
      '_rels/.rels': ROOT_RELS,
      'aasx/aasx-origin': '',
      'aasx/_rels/aasx-origin.rels': originRels('../../etc/passwd.json'),
    });
    expect(issues(previewAasImport(traversal, vocabulary))[0]).toMatchObject({
      rule: 'aasx-package',
      params: { detail: expect.stringContaining('outside') },
    });
    const entry = aasx({ '_rels/.rels': ROOT_RELS, '../evil.json': '{}' });
    expect(issues(previewAasImport(entry, vocabulary))[0]).toMatchObject({
      rule: 'aasx-package',
      params: { detail: expect.stringContaining('outside') },
    });
    const many = aasx(Object.fromEntries(Array.from({ length: AASX_LIMITS.maxEntries + 1 }, (_, i) => [`f${i}.txt`, ''])));
    expect(issues(previewAasImport(many, vocabulary))[0]).toMatchObject({
      rule: 'aasx-package',
      params: { detail: expect.stringContaining('entries') },
    });

    // A zip bomb: the central directory declares more than the limit (patched, so the test needs no large buffer).
    const bomb = packageOf(env);
    const view = new DataView(bomb.buffer, bomb.byteOffset, bomb.byteLength);
    let patched = 0;
    for (let i = 0; i + 46 <= bomb.length; i++) {
      if (view.getUint32(i, true) === 0x02014b50) {
        view.setUint32(i + 24, AASX_LIMITS.maxTotalBytes, true);
        patched++;
      }
    }
    expect(patched).toBeGreaterThan(0);
    expect(issues(previewAasImport(bomb, vocabulary))[0]).toMatchObject({
      rule: 'aasx-package',
      params: { detail: expect.stringContaining('uncompressed') },
    });
    expect(issues(previewAasImport(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 9, 9]), vocabulary))[0]).toMatchObject({ rule: 'aasx-package' });
  });

  it('names the path and what was expected', () => {
    expect(issues(previewAasImport('{"submodels": [', vocabulary))).toMatchObject([{ path: '$', rule: 'json' }]);
    expect(issues(previewAasImport('{"submodels": 5}', vocabulary))).toEqual([
      { path: '$.submodels', rule: 'aas-format', params: { detail: 'expected an array' }, severity: 'error' },
    ]);
    expect(issues(previewAasImport('[]', vocabulary))).toMatchObject([
      { path: '$', rule: 'aas-format', params: { detail: expect.stringContaining('expected') } },
    ]);
    expect(issues(previewAasImport(new Uint8Array([0xff, 0xfe, 0x00]), vocabulary))).toMatchObject([{ path: '$', rule: 'json' }]);
  });
});

describe('several shells are a choice, never a merge', () => {
  const a = supplierEnvironment('https://a.example/aas', { designation: '가 솔루션', email: 'a@a.example' });
  const b = supplierEnvironment('https://b.example/aas', { designation: '나 솔루션', email: 'b@b.example' });
  const both = {
    assetAdministrationShells: [...a.assetAdministrationShells, ...b.assetAdministrationShells],
    submodels: [...a.submodels, ...b.submodels],
  };

  it('lists the shells and reads none until one is chosen', () => {
    const r = ok(previewAasImport(JSON.stringify(both), vocabulary));
    expect(r).toMatchObject({ needsChoice: true, draft: null, report: [] });
    expect(r.shells).toEqual([
      {
        id: 'https://a.example/aas/shell',
        idShort: 'VisionWorksAAS',
        name: 'VisionWorks inspection',
        source: 'third-party',
        submodelCount: 5,
      },
      {
        id: 'https://b.example/aas/shell',
        idShort: 'VisionWorksAAS',
        name: 'VisionWorks inspection',
        source: 'third-party',
        submodelCount: 5,
      },
    ]);
  });

  it('reads the chosen shell only', () => {
    const ra = ok(previewAasImport(JSON.stringify(both), vocabulary, { shellId: 'https://a.example/aas/shell' }));
    const rb = ok(previewAasImport(JSON.stringify(both), vocabulary, { shellId: 'https://b.example/aas/shell' }));
    expect([ra.draft!.content.title, ra.draft!.content.contact.email]).toEqual(['가 솔루션', 'a@a.example']);
    expect([rb.draft!.content.title, rb.draft!.content.contact.email]).toEqual(['나 솔루션', 'b@b.example']);
    expect(issues(previewAasImport(JSON.stringify(both), vocabulary, { shellId: 'urn:x' }))).toEqual([
      { path: 'shellId', rule: 'aas-shell-unknown', params: { id: 'urn:x' }, severity: 'error' },
    ]);
  });

  it('two of the product own listings: each exactly, never merged', () => {
    const one = ownExport();
    const other = clone(one);
    const rename = (v: unknown): unknown => JSON.parse(JSON.stringify(v).replaceAll('/aas/listings/l-1', '/aas/listings/l-2'));
    const second = rename(other) as Json;
    second.submodels
      .find((s: Json) => s.idShort === 'ListingInformation')
      .submodelElements.find((e: Json) => e.idShort === 'title').value[0].text = '두 번째';
    const env = {
      assetAdministrationShells: [...one.assetAdministrationShells, ...second.assetAdministrationShells],
      submodels: [...one.submodels, ...second.submodels],
    };
    const r = ok(previewAasImport(JSON.stringify(env), vocabulary));
    expect(r.needsChoice).toBe(true);
    expect(r.shells.map((s) => s.source)).toEqual(['aimatch', 'aimatch']);
    const first = ok(previewAasImport(JSON.stringify(env), vocabulary, { shellId: r.shells[0].id }));
    expect(first.draft!.content).toEqual(richSupply());
    const chosen = ok(previewAasImport(JSON.stringify(env), vocabulary, { shellId: r.shells[1].id }));
    expect(chosen.draft!.content.title).toBe('두 번째');
  });
});

describe('the product own exports', () => {
  it('round-trip exactly through the preview, as JSON and as .aasx', () => {
    const r = ok(previewAasImport(JSON.stringify(ownExport()), vocabulary));
    expect(r).toMatchObject({ source: 'aimatch', draft: { content: richSupply(), company: COMPANY, listingId: 'l-1' }, incomplete: [] });
    expect(ok(previewAasImport(packageOf(ownExport()), vocabulary)).draft!.content).toEqual(richSupply());
  });

  it('an official 02068 CompanyData beside ours (the same idShort) does not make the import fail', () => {
    const env = ownExport();
    const official = companyData('https://other.example');
    env.submodels.push(official);
    env.assetAdministrationShells[0].submodels.push({ type: 'ModelReference', keys: [{ type: 'Submodel', value: official.id }] });
    const r = ok(previewAasImport(JSON.stringify(env), vocabulary));
    expect(r.draft).toMatchObject({ content: richSupply(), company: COMPANY });
    expect(r.report.find((e) => e.semanticId === 'https://admin-shell.io/idta/CompanyData/1/0/CompanyData')).toMatchObject({
      outcome: 'ignored',
      reason: 'submodel-not-read',
      template: 'companyData',
    });
    // Without ours, the strict import does not read the official one as ours.
    const withoutOurs = clone(env);
    withoutOurs.submodels = withoutOurs.submodels.filter(
      (s: Json) => s.semanticId.keys[0].value !== 'urn:aimatch:submodel:CompanyData:1:0',
    );
    const strict = importListingFromAas(withoutOurs, vocabulary);
    expect(strict).toMatchObject({ ok: true, company: null });
  });

  it('a verification error in a submodel the product does not read is a warning', () => {
    const env = ownExport();
    const broken = submodel('https://other.example/sm/x', 'Handover', 'https://admin-shell.io/vdi/2770/1/0/Documentation', [
      prop('1bad', 'urn:x', 'v'),
    ]);
    env.submodels.push(broken);
    env.assetAdministrationShells[0].submodels.push({ type: 'ModelReference', keys: [{ type: 'Submodel', value: broken.id }] });
    expect(importListingFromAas(env, vocabulary).ok).toBe(false); // the strict import, unchanged
    const r = ok(previewAasImport(JSON.stringify(env), vocabulary));
    expect(r.draft!.content).toEqual(richSupply());

    const third = supplierEnvironment();
    third.submodels.push(broken);
    third.assetAdministrationShells[0].submodels.push({ type: 'ModelReference', keys: [{ type: 'Submodel', value: broken.id }] });
    const t = ok(previewAasImport(JSON.stringify(third), vocabulary));
    expect(t.warnings).toContainEqual(
      expect.objectContaining({ path: '$.submodels[5].submodelElements[0].idShort', rule: 'aas-verification', severity: 'warning' }),
    );
    expect(t.report.find((e) => e.path === 'Handover')).toMatchObject({ reason: 'submodel-not-read' });
  });
});

describe('AAS 3.1 syntax', () => {
  it('leaves out, as warnings at their path, elements aas-core 3.0 cannot read, and reads the rest', () => {
    const env = supplierEnvironment();
    // 3.1: RelationshipElement.first/second and File.contentType are optional.
    const cap = capabilityDescription('https://visionworks.example/aas', U('task', 'visual-inspection'), [
      {
        modelType: 'RelationshipElement',
        idShort: 'CapabilityRealizedBy',
        semanticId: ref('https://admin-shell.io/idta/CapabilityDescription/CapabilityRealizedBy/1/0'),
      },
      smc('Constraint', 'https://admin-shell.io/idta/CapabilityDescription/ConstraintSet/1/0', [
        { modelType: 'File', idShort: 'OCLConstraint', value: 'x.ocl' },
      ]),
    ]);
    env.submodels[3] = cap;
    // 3.1 allows hyphens in idShorts: a verification warning, not an error.
    env.submodels[4].submodelElements[0].idShort = 'Storage-Location';
    const r = ok(previewAasImport(JSON.stringify(env), vocabulary));
    expect(r.warnings.map((w) => [w.path, w.rule, w.severity])).toEqual(
      expect.arrayContaining([
        ['$.submodels[3].submodelElements[0].value[2]', 'aas-format', 'warning'],
        ['$.submodels[3].submodelElements[0].value[3].value[0]', 'aas-format', 'warning'],
        ['$.submodels[4].submodelElements[0].idShort', 'aas-verification', 'warning'],
      ]),
    );
    expect(r.draft!.content.kind === 'SUPPLY' && r.draft!.content.capability.tasks).toEqual([U('task', 'visual-inspection')]);
  });
});

describe('environments generated with aas-core3.0-typescript itself', () => {
  const T = aas.types;
  /** A small deterministic generator (mulberry32). */
  function rng(seed: number) {
    let a = seed;
    return () => {
      a |= 0;
      a = (a + 0x6d2b79f5) | 0;
      let t = Math.imul(a ^ (a >>> 15), 1 | a);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }
  const SEMANTICS = [
    ...Object.values(IDTA_SUBMODELS).flat(),
    ...Object.values(IDTA_ELEMENTS).flat(),
    U('task', 'visual-inspection'),
    U('industry', 'manufacturing'),
    U('region', 'seoul'),
    'urn:unknown:thing',
  ];
  const reference = (v: string) => new T.Reference(T.ReferenceTypes.ExternalReference, [new T.Key(T.KeyTypes.GlobalReference, v)]);

  function element(rand: () => number, depth: number, i: number, inList = false): aas.types.ISubmodelElement {
    const pickOne = <X>(xs: readonly X[]) => xs[Math.floor(rand() * xs.length)];
    const idShort = inList ? null : `e${i}`;
    const sem = rand() < 0.8 ? reference(pickOne(SEMANTICS)) : null;
    const kinds = depth > 2 ? 6 : 9;
    switch (Math.floor(rand() * kinds)) {
      case 0:
        return new T.Property(
          T.DataTypeDefXsd.String,
          null,
          null,
          idShort,
          null,
          null,
          sem,
          null,
          null,
          null,
          pickOne(['서울특별시', 'a@b.example', 'Manufacturing', '2016', '', 'x']),
        );
      case 1:
        return new T.MultiLanguageProperty(null, null, idShort, null, null, sem, null, null, null, [
          new T.LangStringTextType(pickOne(['ko', 'en', 'de-DE']), pickOne(['주식회사 가', 'Visual inspection', 'text'])),
        ]);
      case 2:
        return new T.Capability(null, null, idShort, null, null, sem);
      case 3:
        return new T.ReferenceElement(
          null,
          null,
          idShort,
          null,
          null,
          sem,
          null,
          null,
          null,
          rand() < 0.5 ? reference(pickOne(SEMANTICS)) : null,
        );
      case 4:
        return new T.File('application/pdf', null, null, idShort, null, null, sem, null, null, null, 'doc.pdf');
      case 5:
        return new T.Range(T.DataTypeDefXsd.Int, null, null, idShort, null, null, sem, null, null, null, '1', '9');
      case 6:
        return new T.RelationshipElement(reference('urn:a'), reference('urn:b'), null, null, idShort, null, null, sem);
      case 7:
        return new T.SubmodelElementCollection(
          null,
          null,
          idShort,
          null,
          null,
          sem,
          null,
          null,
          null,
          Array.from({ length: 1 + Math.floor(rand() * 4) }, (_, j) => element(rand, depth + 1, j)),
        );
      default: {
        const items = Array.from(
          { length: 1 + Math.floor(rand() * 3) },
          () => new T.Property(T.DataTypeDefXsd.String, null, null, null, null, null, null, null, null, null, 'Manufacturing'),
        );
        return new T.SubmodelElementList(
          T.AasSubmodelElements.Property,
          null,
          null,
          idShort,
          null,
          null,
          sem,
          null,
          null,
          null,
          null,
          null,
          T.DataTypeDefXsd.String,
          items,
        );
      }
    }
  }

  function environment(seed: number): aas.types.Environment {
    const rand = rng(seed);
    const count = Math.floor(rand() * 4);
    const subs = Array.from({ length: count }, (_, s) => {
      const sem = reference(SEMANTICS[Math.floor(rand() * Object.values(IDTA_SUBMODELS).flat().length)]);
      return new T.Submodel(
        `urn:gen:${seed}:sm:${s}`,
        null,
        null,
        `sm${s}`,
        null,
        null,
        null,
        null,
        sem,
        null,
        null,
        null,
        Array.from({ length: 1 + Math.floor(rand() * 5) }, (_, i) => element(rand, 0, i)),
      );
    });
    const shells = Array.from({ length: Math.floor(rand() * 3) }, (_, k) => {
      const info = new T.AssetInformation(T.AssetKind.Instance, `urn:gen:${seed}:asset:${k}`);
      return new T.AssetAdministrationShell(
        `urn:gen:${seed}:shell:${k}`,
        info,
        null,
        null,
        `shell${k}`,
        null,
        null,
        null,
        null,
        null,
        subs.map((s) => new T.Reference(T.ReferenceTypes.ModelReference, [new T.Key(T.KeyTypes.Submodel, s.id)])),
      );
    });
    return new T.Environment(shells.length ? shells : null, subs.length ? subs : null, null);
  }

  it('never crash: each gives a listing draft (or a shell choice) or a typed error', () => {
    let drafts = 0;
    for (let seed = 1; seed <= 300; seed++) {
      const env = environment(seed);
      const json = JSON.stringify(aas.jsonization.toJsonable(env));
      const r = previewAasImport(json, vocabulary);
      if (!r.ok) {
        for (const i of r.issues) expect(CAPABILITY_MODEL_RULES).toContain(i.rule);
        continue;
      }
      for (const w of r.warnings) expect(CAPABILITY_MODEL_RULES).toContain(w.rule);
      if (r.needsChoice) {
        const chosen = ok(previewAasImport(json, vocabulary, { shellId: r.shells[0].id }));
        expect(chosen.draft).not.toBeNull();
      } else {
        expect(r.draft!.content.kind).toBe('SUPPLY');
        drafts++;
      }
      // The same as an .aasx package.
      expect(previewAasImport(packageOf(JSON.parse(json)), vocabulary).ok).toBe(r.ok);
    }
    expect(drafts).toBeGreaterThan(100);
  });
});
