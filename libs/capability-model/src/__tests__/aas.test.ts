import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as aas from '@aas-core-works/aas-core3.0-typescript';
import { AasExportError, exportListingToAas, type AasEnvironmentJson } from '../aas';
import { importListingFromAas } from '../aas-import';
import type { CompanyData, ListingContent, SupplyContent } from '../submodels';
import { IDTA } from '../templates';
import { CAPABILITY_MODEL_RULES } from '../validate';
import { Vocabulary } from '../vocabulary';
import { COMPANY, demand, LONG_KOREAN, richDemand, richSupply, supply, U, vocabulary } from './factory';

const LISTING_ID = '6f1c2a9e-3b7d-4c21-9a0e-5d8f7b6c4e21';
type Json = any;

const exportOf = (
  content: ListingContent,
  o: { company?: CompanyData | null; version?: number; listingId?: string } = {},
  v: Vocabulary = vocabulary,
): Json => exportListingToAas({ listingId: LISTING_ID, version: 3, company: COMPANY, baseIri: 'https://aimatch.or.kr/', content, ...o }, v);

/** What another AAS tool sees: the JSON text parsed again and verified. */
function verificationErrors(json: AasEnvironmentJson): string[] {
  const read = aas.jsonization.environmentFromJsonable(JSON.parse(JSON.stringify(json)));
  expect(read.error).toBeNull();
  return [...aas.verification.verify(read.value!)].map((e) => `${e.path.toString()}: ${e.message}`);
}

function walk(v: unknown, visit: (key: string, value: unknown, parent: Json) => void): void {
  if (Array.isArray(v)) v.forEach((i) => walk(i, visit));
  else if (v && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) {
      visit(k, x, v);
      walk(x, visit);
    }
  }
}

const submodel = (env: Json, idShort: string) => env.submodels.find((s: Json) => s.idShort === idShort);
const submodelIndex = (env: Json, idShort: string) => env.submodels.findIndex((s: Json) => s.idShort === idShort);
const element = (env: Json, sm: string, idShort: string) => submodel(env, sm).submodelElements.find((e: Json) => e.idShort === idShort);
const elementIndex = (env: Json, sm: string, idShort: string) =>
  submodel(env, sm).submodelElements.findIndex((e: Json) => e.idShort === idShort);
const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x));
const importOk = (json: unknown, v: Vocabulary = vocabulary) => {
  const r = importListingFromAas(json, v);
  if (!r.ok) throw new Error(JSON.stringify(r.issues, null, 1));
  return r;
};
const issuesOf = (json: unknown) => {
  const r = importListingFromAas(json, vocabulary);
  if (r.ok) throw new Error('imported');
  return r.issues;
};

const ALL = { 'minimal demand': demand(), 'minimal supply': supply(), 'rich demand': richDemand(), 'rich supply': richSupply() };

describe('exportListingToAas', () => {
  it('leaves out what the reader may not see: the ContactInformation submodel and the BRN, and still verifies', () => {
    const content = richDemand();
    const env = exportListingToAas(
      {
        listingId: LISTING_ID,
        version: 3,
        company: COMPANY,
        baseIri: 'https://aimatch.or.kr/',
        content,
        withhold: { contact: true, businessRegistrationNumber: true },
      },
      vocabulary,
    );
    expect(submodel(env, 'ContactInformation')).toBeUndefined();
    expect(JSON.stringify(env)).not.toContain(content.contact.email);
    expect(element(env, 'CompanyData', 'businessRegistrationNumber')).toBeUndefined();
    expect(element(env, 'CompanyData', 'name')).toBeDefined();
    expect(verificationErrors(env)).toEqual([]);
    expect(submodel(exportOf(content), 'ContactInformation')).toBeDefined();
    expect(element(exportOf(content), 'CompanyData', 'businessRegistrationNumber')).toBeDefined();
  });

  it.each(Object.entries(ALL))('%s: verifies with zero errors', (_, content) => {
    expect(verificationErrors(exportOf(content))).toEqual([]);
    expect(verificationErrors(exportOf(content, { company: null, version: 123_456 }))).toEqual([]);
    expect(verificationErrors(exportOf(content, { listingId: '' }))).toEqual([]);
  });

  it('describes the listing as an instance asset with its own shell', () => {
    const env = exportOf(richDemand());
    expect(env.assetAdministrationShells).toHaveLength(1);
    const shell = env.assetAdministrationShells[0];
    expect(shell.id).toBe(`https://aimatch.or.kr/aas/listings/${LISTING_ID}`);
    expect(shell.assetInformation).toEqual({
      assetKind: 'Instance',
      globalAssetId: `https://aimatch.or.kr/listings/${LISTING_ID}`,
      specificAssetIds: [{ name: 'aimatchListingId', value: LISTING_ID }],
    });
    expect(shell.administration).toEqual({ version: '3' });
    expect(shell.displayName).toEqual([
      { language: 'ko', text: '자동차 부품 표면 결함 검사 AI 도입' },
      { language: 'en', text: 'AI surface defect inspection for automotive parts' },
    ]);
    expect(shell.submodels.map((r: Json) => r.keys[0].value)).toEqual(env.submodels.map((s: Json) => s.id));
  });

  it('exports the submodels of the listing kind, plus CompanyData', () => {
    const ids = (env: Json) => env.submodels.map((s: Json) => s.idShort);
    expect(ids(exportOf(demand()))).toEqual([
      'ListingInformation',
      'AIRequirement',
      'DataProfile',
      'CommercialTerms',
      'ContactInformation',
      'CompanyData',
      // #17: the same facts in the official IDTA template structures (02020, 02002, 02068)
      'CapabilityDescription',
      'ContactInformations',
      'IdtaCompanyData',
    ]);
    expect(ids(exportOf(supply()))).toEqual([
      'ListingInformation',
      'AICapability',
      'CommercialTerms',
      'ContactInformation',
      'TrustProfile',
      'CompanyData',
      'CapabilityDescription',
      'ContactInformations',
      'IdtaCompanyData',
    ]);
    expect(ids(exportOf(supply(), { company: null }))).not.toContain('CompanyData');
    expect(element(exportOf(supply()), 'ListingInformation', 'bidDeadline')).toBeUndefined();
    expect(element(exportOf(demand()), 'ListingInformation', 'referenceCases')).toBeUndefined();
  });

  it('uses ASCII idShorts and global references for every semanticId', () => {
    const env = exportOf(richSupply());
    let idShorts = 0;
    walk(env, (key, value) => {
      if (key === 'idShort') {
        idShorts++;
        expect(value).toMatch(/^[a-zA-Z][a-zA-Z0-9_-]*[a-zA-Z0-9_]+$/);
      }
      if (key === 'semanticId' || key === 'valueId') {
        expect(value).toMatchObject({ type: 'ExternalReference', keys: [{ type: 'GlobalReference' }] });
      }
    });
    expect(idShorts).toBeGreaterThan(40);
    const capability = submodel(env, 'AICapability');
    expect(capability.kind).toBe('Instance');
    expect(capability.semanticId.keys[0].value).toBe('urn:aimatch:submodel:AICapability:1:0');
    // #17: our own submodels no longer claim the IDTA templates as supplementalSemanticIds; the
    // template-following submodels carry the official semanticIds as their semanticId.
    expect(capability.supplementalSemanticIds).toBeUndefined();
    expect(capability.administration).toEqual({ version: '3', templateId: 'urn:aimatch:submodel:AICapability:1:0' });
    expect(submodel(env, 'ContactInformation').supplementalSemanticIds).toBeUndefined();
    expect(submodel(env, 'CapabilityDescription').semanticId.keys[0].value).toBe(IDTA.capabilityDescription.semanticId);
    expect(submodel(env, 'ContactInformations').semanticId.keys[0].value).toBe(
      'https://admin-shell.io/zvei/nameplate/1/0/ContactInformations',
    );
  });

  it('keeps Korean and English texts in MultiLanguageProperties', () => {
    const env = exportOf(richSupply());
    expect(element(env, 'ListingInformation', 'title')).toMatchObject({
      modelType: 'MultiLanguageProperty',
      value: [
        { language: 'ko', text: '딥러닝 비전 검사 플랫폼 「아이체크」' },
        { language: 'en', text: 'iCheck deep-learning vision inspection' },
      ],
    });
    expect(element(env, 'CompanyData', 'name').value).toEqual([
      { language: 'ko', text: '주식회사 아이체크' },
      { language: 'en', text: 'iCheck Inc.' },
    ]);
  });

  it('splits texts longer than one LangString into a list of MultiLanguageProperty chunks', () => {
    const description = element(exportOf(richDemand()), 'ListingInformation', 'description');
    expect(description).toMatchObject({ modelType: 'SubmodelElementList', typeValueListElement: 'MultiLanguageProperty' });
    expect(description.value.length).toBeGreaterThan(3);
    for (const chunk of description.value) for (const ls of chunk.value) expect(ls.text.length).toBeLessThanOrEqual(1023);
    expect(description.value.map((c: Json) => c.value.find((l: Json) => l.language === 'ko')?.text ?? '').join('')).toBe(LONG_KOREAN);
  });

  it('writes concepts as Properties whose valueId references the concept id', () => {
    const tasks = element(exportOf(richDemand()), 'AIRequirement', 'tasks');
    expect(tasks).toMatchObject({ modelType: 'SubmodelElementList', typeValueListElement: 'Property', valueTypeListElement: 'xs:string' });
    expect(tasks.value[0]).toEqual({
      modelType: 'Property',
      valueType: 'xs:string',
      value: U('task', 'surface-defect-inspection'),
      valueId: { type: 'ExternalReference', keys: [{ type: 'GlobalReference', value: U('task', 'surface-defect-inspection') }] },
    });
    const region = element(exportOf(richDemand()), 'ListingInformation', 'regionId');
    expect(region.valueId.keys[0].value).toBe(U('region', 'gyeongnam'));
    expect(element(exportOf(demand()), 'ListingInformation', 'regionId').value).toBeUndefined();
    expect(element(exportOf(demand()), 'AIRequirement', 'modalities').value).toBeUndefined();
  });

  it('adds a ConceptDescription for every concept used, and only those', () => {
    const content = richDemand();
    const env = exportOf(content);
    const used = new Set([
      ...Object.values(content.requirement)
        .flat()
        .filter((v) => v.startsWith('urn:')),
      ...content.dataProfile.dataKinds,
      ...content.dataProfile.systems,
      content.regionId!,
      COMPANY.regionId!,
      COMPANY.industryId!,
    ]);
    const concepts = (e: Json) => e.conceptDescriptions.filter((c: Json) => vocabulary.has(c.id));
    expect(new Set(concepts(env).map((c: Json) => c.id))).toEqual(used);
    const cd = env.conceptDescriptions.find((c: Json) => c.id === U('integration', 'mes'));
    expect(cd.idShort).toBe('integration_mes');
    expect(cd.displayName.map((l: Json) => l.language)).toEqual(['ko', 'en']);
    const iec = cd.embeddedDataSpecifications[0];
    expect(iec.dataSpecification.keys[0].value).toBe('https://admin-shell.io/DataSpecificationTemplates/DataSpecificationIec61360/3/0');
    expect(iec.dataSpecificationContent.preferredName).toEqual([
      { language: 'en', text: vocabulary.label(U('integration', 'mes'), 'en') },
      { language: 'ko', text: vocabulary.label(U('integration', 'mes'), 'ko') },
    ]);
    expect(iec.dataSpecificationContent.definition[0].language).toBe('en');
    expect(env.conceptDescriptions.find((c: Json) => c.id === U('task', '3d-content-generation'))).toBeUndefined();
    const generative = exportOf(demand({ requirement: { tasks: [U('task', '3d-content-generation')] } }), { company: null });
    expect(concepts(generative).map((c: Json) => c.idShort)).toEqual(['task_3d_content_generation']);
  });

  it('is deterministic', () => {
    expect(JSON.stringify(exportOf(richSupply()))).toBe(JSON.stringify(exportOf(richSupply())));
  });

  it('refuses content AAS cannot carry', () => {
    expect(() => exportOf(demand({ commercialTerms: { minAmountKrw: 1.5 } }))).toThrow(AasExportError);
    try {
      exportOf(demand({ commercialTerms: { desiredStartDate: '2027-02-30' } }));
    } catch (e) {
      expect((e as AasExportError).issues[0]).toMatchObject({ rule: 'aas-verification', severity: 'error' });
    }
    expect(() => exportOf({ ...demand(), kind: 'OFFER' } as unknown as ListingContent)).toThrow(AasExportError);
  });
});

describe('round trip', () => {
  it.each(Object.entries(ALL))('%s: import(export(x)) is x, from text or object', (_, content) => {
    const env = exportOf(content);
    const fromText = importOk(JSON.stringify(env));
    expect(fromText.content).toStrictEqual(content);
    expect(fromText.company).toStrictEqual(COMPANY);
    expect(fromText.listingId).toBe(LISTING_ID);
    expect(fromText.warnings).toEqual([]);
    expect(importOk(env).content).toStrictEqual(content);
  });

  it('keeps nulls, empty lists, whitespace and surrogate pairs at chunk borders', () => {
    const edge = demand({
      title: '  앞뒤 공백  ',
      description: 'a'.repeat(999) + '😀' + '가'.repeat(2000) + '\r\n끝',
      descriptionEn: 'b'.repeat(1023),
      requirement: { languages: [] },
      commercialTerms: { minAmountKrw: 0, maxAmountKrw: 0 },
      contact: { role: null, phone: null },
      bidDeadline: null,
    });
    const back = importOk(exportOf(edge, { company: null }));
    expect(back.content).toStrictEqual(edge);
    expect(back.company).toBeNull();

    const cases: SupplyContent['referenceCases'] = [
      { title: '사례', industryId: null, year: null, summary: '가'.repeat(500) + '😀'.repeat(400) },
    ];
    const s = supply({ referenceCases: cases, trustProfile: { checklist: [{ itemId: 'robustness', answer: 'NA', note: null }] } });
    expect(importOk(exportOf(s)).content).toStrictEqual(s);
  });

  it('carries deprecated concepts, with their warning', () => {
    const small = Vocabulary.fromJson({
      version: '0.2.0',
      schemes: [{ id: 'task', labels: { ko: '과제', en: 'Task' } }],
      concepts: [
        { id: U('task', 'visual-inspection'), scheme: 'task', labels: { ko: '비전 검사', en: 'Visual inspection' } },
        {
          id: U('task', 'machine-vision'),
          scheme: 'task',
          labels: { ko: '머신비전', en: 'Machine vision' },
          deprecated: true,
          replacedBy: U('task', 'visual-inspection'),
        },
      ],
    });
    const content = demand({ requirement: { tasks: [U('task', 'machine-vision')] } });
    const env = exportOf(content, { company: null }, small);
    expect(verificationErrors(env)).toEqual([]);
    const back = importOk(env, small);
    expect(back.content).toStrictEqual(content);
    expect(back.warnings).toMatchObject([
      { path: 'AIRequirement.tasks[0]', rule: 'deprecated-concept', replacement: U('task', 'visual-inspection') },
    ]);
  });
});

describe('importListingFromAas failures', () => {
  it('json: text that is not JSON', () => {
    expect(issuesOf('{"submodels": [')).toEqual([{ path: '$', rule: 'json', params: { detail: expect.any(String) }, severity: 'error' }]);
  });

  it('aas-format: not an environment, or a wrong modelType, at the reported JSON path', () => {
    expect(issuesOf('[]')).toMatchObject([{ path: '$', rule: 'aas-format' }]);
    expect(issuesOf(42)).toMatchObject([{ path: '$', rule: 'aas-format' }]);

    const env = clone(exportOf(demand()));
    env.submodels[1].modelType = 'AssetAdministrationShell';
    expect(issuesOf(env)).toEqual([
      {
        path: '$.submodels[1]',
        rule: 'aas-format',
        params: { detail: "Expected model type 'Submodel', but got: AssetAdministrationShell" },
        severity: 'error',
      },
    ]);

    const element = clone(exportOf(demand()));
    element.submodels[0].submodelElements[1].modelType = 'Foo';
    expect(issuesOf(element)).toMatchObject([{ path: '$.submodels[0].submodelElements[1]', rule: 'aas-format' }]);

    const missing = clone(exportOf(demand()));
    delete missing.assetAdministrationShells[0].assetInformation;
    expect(issuesOf(missing)).toMatchObject([{ path: '$.assetAdministrationShells[0]', rule: 'aas-format' }]);
  });

  it('aas-verification: metamodel constraints, at their JSON path', () => {
    const env = clone(exportOf(demand()));
    env.submodels[0].submodelElements[1].idShort = '1title';
    expect(issuesOf(env)).toMatchObject([
      {
        path: '$.submodels[0].submodelElements[1].idShort',
        rule: 'aas-verification',
        params: { detail: expect.stringContaining('ID-short') },
      },
    ]);

    const number = clone(exportOf(demand()));
    const terms = submodelIndex(number, 'CommercialTerms');
    const duration = elementIndex(number, 'CommercialTerms', 'durationWeeks');
    number.submodels[terms].submodelElements[duration].value = 'twelve';
    expect(issuesOf(number)).toMatchObject([{ path: `$.submodels[${terms}].submodelElements[${duration}]`, rule: 'aas-verification' }]);
  });

  it('unknown-semantic-id: a concept reference outside the vocabulary, at the element path', () => {
    const env = clone(exportOf(richDemand()));
    const tasks = element(env, 'AIRequirement', 'tasks');
    tasks.value[1].valueId.keys[0].value = U('task', 'telepathy');
    const issues = issuesOf(env);
    expect(issues).toEqual([
      { path: 'AIRequirement.tasks[1]', rule: 'unknown-semantic-id', params: { id: U('task', 'telepathy') }, severity: 'error' },
    ]);
    for (const i of issues) expect(CAPABILITY_MODEL_RULES).toContain(i.rule);
  });

  it('returns the validation errors of the imported content', () => {
    const env = clone(exportOf(richDemand()));
    delete element(env, 'ListingInformation', 'title').value;
    element(env, 'AIRequirement', 'modalities').value[0].valueId.keys[0].value = U('task', 'chatbot');
    element(env, 'CommercialTerms', 'minAmountKrw').value = '999999999';
    element(env, 'CompanyData', 'businessRegistrationNumber').value = '220-81-62518';
    expect(issuesOf(env).map((i) => [i.path, i.rule])).toEqual([
      ['title', 'required'],
      ['AIRequirement.modalities[0]', 'wrong-scheme'],
      ['CommercialTerms.minAmountKrw', 'min-greater-than-max'],
      ['CompanyData.businessRegistrationNumber', 'checksum'],
    ]);
  });

  it('reports elements of the wrong kind and unreadable values at listing paths', () => {
    const env = clone(exportOf(demand()));
    const i = elementIndex(env, 'AIRequirement', 'tasks');
    submodel(env, 'AIRequirement').submodelElements[i] = {
      modelType: 'Property',
      idShort: 'tasks',
      valueType: 'xs:string',
      value: 'vision',
    };
    element(env, 'DataProfile', 'approximateRecords').valueType = 'xs:string';
    element(env, 'DataProfile', 'approximateRecords').value = 'many';
    expect(issuesOf(env)).toEqual([
      {
        path: 'AIRequirement.tasks',
        rule: 'aas-format',
        params: { detail: 'expected SubmodelElementList, got Property' },
        severity: 'error',
      },
      { path: 'DataProfile.approximateRecords', rule: 'type', params: { expected: 'integer' }, severity: 'error' },
    ]);
  });

  it('required kind: an environment that is not a listing', () => {
    expect(issuesOf({})).toEqual([{ path: 'kind', rule: 'required', severity: 'error' }]);
    const env = clone(exportOf(demand()));
    element(env, 'ListingInformation', 'kind').value = 'OFFER';
    expect(issuesOf(env)).toEqual([{ path: 'kind', rule: 'enum', params: { allowed: 'DEMAND, SUPPLY' }, severity: 'error' }]);
  });
});

describe('a file written by another tool', () => {
  const text = readFileSync(join(process.cwd(), 'libs/capability-model/src/__tests__/fixtures/foreign-supply.aas.json'), 'utf8');

  it('imports: semanticIds before idShorts, nulls, extra fields and elements, other element kinds, language tags', () => {
    const r = importOk(text);
    expect(r.listingId).toBeUndefined();
    expect(r.warnings).toEqual([]);
    expect(r.content).toStrictEqual({
      kind: 'SUPPLY',
      title: '스마트 물류 수요 예측 서비스',
      titleEn: 'Demand forecasting for smart logistics',
      summary: '판매·재고 데이터로 4주 앞 수요를 예측합니다.',
      summaryEn: null,
      description: 'ERP와 WMS 데이터를 연동해\n품목별 수요를 예측하고 적정 재고를 제안합니다.',
      descriptionEn: 'Connects to ERP and WMS data to forecast demand per item and propose stock levels.',
      referenceCases: [{ title: 'C물류 재고 최적화', industryId: U('industry', 'warehousing-logistics'), year: 2023, summary: null }],
      capability: {
        tasks: [U('task', 'demand-forecasting'), U('task', 'inventory-optimization')],
        modalities: [U('modality', 'tabular'), U('modality', 'time-series')],
        industries: [U('industry', 'warehousing-logistics')],
        deployments: [U('deployment', 'public-cloud-saas')],
        integrations: [U('integration', 'erp'), U('integration', 'wms'), U('integration', 'excel-csv')],
        languages: ['ko'],
      },
      commercialTerms: {
        currency: 'KRW',
        minAmountKrw: 10_000_000,
        maxAmountKrw: 40_000_000,
        leadTimeWeeks: 8,
        desiredStartDate: null,
        durationWeeks: null,
      },
      trustProfile: {
        certifications: [U('certification', 'venture-company'), U('certification', 'isms-p')],
        checklist: [
          { itemId: 'privacy', answer: 'YES', note: '가명처리 적용' },
          { itemId: 'security', answer: 'YES', note: null },
        ],
      },
      contact: { name: '정하늘', role: '영업 이사', email: 'sky@logi.example', phone: null },
    });
    expect(r.company).toStrictEqual({
      nameKo: '로지포캐스트 주식회사',
      nameEn: null,
      businessRegistrationNumber: '314-86-52100',
      regionId: U('region', 'daejeon'),
      industryId: U('industry', 'it-services'),
      website: 'https://logi.example',
      foundedYear: 2019,
    });
  });

  it('exports again in our form, verified', () => {
    const r = importOk(text);
    const env = exportListingToAas(
      { listingId: 'imported', version: 1, content: r.content, company: r.company, baseIri: 'https://aimatch.or.kr' },
      vocabulary,
    );
    expect(verificationErrors(env)).toEqual([]);
    expect(importOk(env).content).toStrictEqual(r.content);
  });
});

describe('robustness', () => {
  let seed = 11;
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const values: unknown[] = [null, 0, -1, 1.5, NaN, '', 'x', '\u0001', '\ud800', [], [null], {}, { modelType: 'Property' }, true];
  const mutate = (v: unknown, depth: number, p: number): unknown => {
    if (rand() < p) return values[Math.floor(rand() * values.length)];
    if (Array.isArray(v)) return v.map((i) => mutate(i, depth + 1, p));
    if (v && typeof v === 'object' && depth < 12)
      return Object.fromEntries(Object.entries(v).map(([k, i]) => [k, mutate(i, depth + 1, p)]));
    return v;
  };

  it('export either verifies or throws AasExportError (seeded fuzz)', () => {
    for (let i = 0; i < 200; i++) {
      const content = mutate(i % 2 ? richDemand() : richSupply(), 0, 0.1) as ListingContent;
      try {
        expect(verificationErrors(exportOf(content))).toEqual([]);
      } catch (e) {
        expect(e).toBeInstanceOf(AasExportError);
      }
    }
  });

  it('import never throws and names known rules (seeded fuzz)', () => {
    const base = exportOf(richSupply());
    for (let i = 0; i < 200; i++) {
      const r = importListingFromAas(
        i % 5 === 0 ? JSON.stringify(mutate(base, 0, 0.02)).slice(0, 5000 + i * 100) : mutate(base, 0, 0.005),
        vocabulary,
      );
      if (!r.ok) for (const issue of r.issues) expect(CAPABILITY_MODEL_RULES).toContain(issue.rule);
    }
    let deep: unknown = {};
    for (let i = 0; i < 100_000; i++) deep = { submodels: [deep] };
    expect(importListingFromAas(deep, vocabulary).ok).toBe(false);
  });
});
