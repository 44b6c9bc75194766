import type { SignedUp } from './factories';
import type { TestApp } from './test-app';

/** A complete, valid demand input (an SME's vision-inspection need); override what a test is about. */
export function demandInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: '프레스 부품 찍힘·스크래치 자동 검사',
    summary: '자동차 브래킷 프레스 라인에서 카메라로 전수 검사하고 불량을 자동 배출하고 싶습니다.',
    description: '경남 김해의 2차 협력사입니다. 작업자 육안 검사를 카메라 기반 자동 검사로 바꾸고, 결과를 MES에 남기려 합니다.',
    requirement: {
      tasks: ['urn:aimatch:task:visual-inspection'],
      modalities: ['urn:aimatch:modality:image'],
      industries: ['urn:aimatch:industry:automotive-parts-manufacturing'],
      deployments: ['urn:aimatch:deployment:on-premise'],
      integrations: ['urn:aimatch:integration:mes'],
      languages: ['ko'],
    },
    dataProfile: {
      dataKinds: ['urn:aimatch:modality:image'],
      systems: ['urn:aimatch:integration:mes'],
      labelling: 'UNLABELLED',
      sampleAvailable: true,
    },
    commercialTerms: { minAmountKrw: 70_000_000, maxAmountKrw: 150_000_000, durationWeeks: 16 },
    contact: { name: '김민지', email: 'minji@example.kr' },
    bidDeadline: new Date(Date.now() + 30 * 86_400_000).toISOString(),
    onSiteRequired: true,
    regionId: 'urn:aimatch:region:gyeongnam',
    visibility: 'PUBLIC',
    ...overrides,
  };
}

export function supplyInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: '금속 가공 라인 인라인 비전 검사',
    summary: '프레스·절삭 가공품의 찍힘, 스크래치, 버를 라인 속도로 판정합니다.',
    description: '조명·카메라 설계부터 딥러닝 모델, PLC 연동 불량 배출까지 턴키로 구축합니다.',
    capability: {
      tasks: ['urn:aimatch:task:visual-inspection', 'urn:aimatch:task:surface-defect-inspection'],
      modalities: ['urn:aimatch:modality:image'],
      industries: ['urn:aimatch:industry:automotive-parts-manufacturing'],
      deployments: ['urn:aimatch:deployment:on-premise', 'urn:aimatch:deployment:edge-device'],
      integrations: ['urn:aimatch:integration:mes', 'urn:aimatch:integration:plc-opcua'],
      languages: ['ko', 'en'],
    },
    commercialTerms: { minAmountKrw: 60_000_000, maxAmountKrw: 250_000_000, leadTimeWeeks: 14 },
    trustProfile: { certifications: ['urn:aimatch:certification:innobiz'], checklist: [] },
    contact: { name: '박준호', email: 'junho@example.kr' },
    referenceCases: [
      { title: '브레이크 캘리퍼 표면 결함 검사', industryId: 'urn:aimatch:industry:automotive-parts-manufacturing', year: 2024 },
    ],
    ...overrides,
  };
}

export interface CreatedListing {
  id: string;
  version: number;
  status: string;
}

const FIELDS = 'id version status';

export async function createDemand(t: TestApp, owner: SignedUp, overrides: Record<string, unknown> = {}): Promise<CreatedListing> {
  const res = await t.gql(
    `mutation($o: ID!, $i: DemandListingInput!) { createDemandListing(organizationId: $o, input: $i) { ${FIELDS} } }`,
    {
      o: owner.organizationId,
      i: demandInput(overrides),
    },
    { token: owner.accessToken },
  );
  if (!res.data) throw new Error(`createDemandListing failed: ${JSON.stringify(res.errors)}`);
  return res.data.createDemandListing;
}

export async function createSupply(t: TestApp, owner: SignedUp, overrides: Record<string, unknown> = {}): Promise<CreatedListing> {
  const res = await t.gql(
    `mutation($o: ID!, $i: SupplyListingInput!) { createSupplyListing(organizationId: $o, input: $i) { ${FIELDS} } }`,
    {
      o: owner.organizationId,
      i: supplyInput(overrides),
    },
    { token: owner.accessToken },
  );
  if (!res.data) throw new Error(`createSupplyListing failed: ${JSON.stringify(res.errors)}`);
  return res.data.createSupplyListing;
}

/** Runs one workflow mutation (submitListing, approveListing, …) and returns the raw response. */
export function transition(t: TestApp, mutation: string, listing: { id: string; version: number }, token: string | undefined, extra = '') {
  return t.gql(
    `mutation($id: ID!, $v: Int!) { ${mutation}(id: $id, version: $v${extra}) { ${FIELDS} } }`,
    { id: listing.id, v: listing.version },
    { token },
  );
}

/** Submits as the owner and approves as staff: a PUBLISHED listing. */
export async function publish(t: TestApp, listing: CreatedListing, ownerToken: string, staffToken: string): Promise<CreatedListing> {
  const submitted = await transition(t, 'submitListing', listing, ownerToken);
  if (!submitted.data) throw new Error(`submit failed: ${JSON.stringify(submitted.errors)}`);
  const approved = await transition(t, 'approveListing', submitted.data.submitListing, staffToken);
  if (!approved.data) throw new Error(`approve failed: ${JSON.stringify(approved.errors)}`);
  return approved.data.approveListing;
}
