/**
 * One-line reasons in Korean and English, from an explanation's facts. Concept names are the
 * vocabulary's labels; the order is fixed (constraints, tasks, industry, data, systems,
 * deployment, place, budget, text, trust) so the same facts always read the same.
 */
import type { Vocabulary } from '@aimatch/capability-model';
import type { ConceptMatch, MatchExplanation } from './matcher';
import { featureOfReason } from './tiers';
import type { FeatureName } from './weights';
import type { Zone } from './zones';

export type ReasonTone = 'POSITIVE' | 'NEGATIVE' | 'INFO';

export interface Reason {
  code: string;
  tone: ReasonTone;
  /** The criterion it speaks about: its weight is shown next to it ("과업 30%"). */
  feature: FeatureName;
  ko: string;
  en: string;
}

const won = (n: number) => `${Math.round(n / 1_000_000).toLocaleString('en-US')}`;

export function reasonsFor(
  e: Omit<MatchExplanation, 'reasons' | 'summary'>,
  vocabulary: Vocabulary,
  place: { demandZone: Zone | null; supplierRegion: string | null },
): Reason[] {
  const ko = (id: string) => vocabulary.label(id, 'ko') ?? id;
  const en = (id: string) => vocabulary.label(id, 'en') ?? id;
  const out: Reason[] = [];
  const add = (code: string, tone: ReasonTone, k: string, e2: string) =>
    out.push({ code, tone, feature: featureOfReason(code), ko: k, en: e2 });
  const inferredKo = (m: ConceptMatch) => (m.inferred ? ' (설명에서 추론)' : '');
  const inferredEn = (m: ConceptMatch) => (m.inferred ? ' (inferred from the description)' : '');

  for (const c of e.constraints) {
    if (c.code === 'DEPLOYMENT') {
      const req = String(c.params.required).split(',');
      if (c.satisfied)
        add(
          'DEPLOYMENT_MET',
          'POSITIVE',
          `'${req.map(ko).join(' / ')}' 설치 요구를 충족`,
          `Meets the required deployment '${req.map(en).join(' / ')}'`,
        );
      else
        add(
          'DEPLOYMENT_VIOLATED',
          'NEGATIVE',
          `'${req.map(ko).join(' / ')}' 설치를 제공하지 않음 (필수 조건 위반)`,
          `Does not offer the required deployment '${req.map(en).join(' / ')}' (hard constraint)`,
        );
    } else if (c.code === 'ONSITE_ZONE') {
      const zone = place.demandZone;
      const region = place.supplierRegion ? ko(place.supplierRegion) : '미상';
      const regionEn = place.supplierRegion ? en(place.supplierRegion) : 'unknown';
      if (c.satisfied)
        add(
          'ONSITE_MET',
          'POSITIVE',
          `현장 상주 가능: 같은 권역(${zone?.labels.ko})의 업체`,
          `Can work on site: based in the same zone (${zone?.labels.en})`,
        );
      else
        add(
          'ONSITE_VIOLATED',
          'NEGATIVE',
          `현장 상주 필요하나 업체 소재지(${region})가 ${zone?.labels.ko ?? '수요 지역'} 밖 (필수 조건 위반)`,
          `On-site work required, but the supplier (${regionEn}) is outside ${zone?.labels.en ?? 'the zone'} (hard constraint)`,
        );
    } else if (c.code === 'BUDGET' && !c.satisfied) {
      add(
        'BUDGET_FAR_OVER',
        'NEGATIVE',
        `최저 가격 ${won(Number(c.params.priceMin))}백만 원이 예산 상한 ${won(Number(c.params.budgetMax))}백만 원의 2배 초과`,
        `Minimum price KRW ${won(Number(c.params.priceMin))}M is more than twice the budget of KRW ${won(Number(c.params.budgetMax))}M`,
      );
    } else if (c.code === 'RATING' && !c.satisfied) {
      add(
        'LOW_RATING',
        'NEGATIVE',
        `평점 ${c.params.rating}점으로 기준(${c.params.minRating}점) 미달`,
        `Rated ${c.params.rating}, below ${c.params.minRating}`,
      );
    }
  }

  const byScheme = (scheme: ConceptMatch['scheme']) => e.matched.filter((m) => m.scheme === scheme);
  for (const m of byScheme('task')) {
    const offered = m.offeredConceptId!;
    if (m.relation === 'exact')
      add(
        'TASK_EXACT',
        'POSITIVE',
        `요구 과업 '${ko(m.conceptId)}'와 정확히 일치${inferredKo(m)}`,
        `Exactly matches the required task '${en(m.conceptId)}'${inferredEn(m)}`,
      );
    else if (m.relation === 'offeredNarrower')
      add(
        'TASK_SPECIALIST',
        'POSITIVE',
        `요구 과업 '${ko(m.conceptId)}'의 세부 분야 '${ko(offered)}' 전문${inferredKo(m)}`,
        `Specialises in '${en(offered)}' within the required '${en(m.conceptId)}'${inferredEn(m)}`,
      );
    else if (m.relation === 'offeredBroader')
      add(
        'TASK_GENERALIST',
        'INFO',
        `요구 과업 '${ko(m.conceptId)}'의 상위 분야 '${ko(offered)}' 제공${inferredKo(m)}`,
        `Offers the broader '${en(offered)}' for the required '${en(m.conceptId)}'${inferredEn(m)}`,
      );
    else
      add(
        'TASK_RELATED',
        'INFO',
        `요구 과업 '${ko(m.conceptId)}'와 관련된 '${ko(offered)}' 제공${inferredKo(m)}`,
        `Offers '${en(offered)}', related to the required '${en(m.conceptId)}'${inferredEn(m)}`,
      );
  }
  for (const m of e.missing.filter((x) => x.scheme === 'task')) {
    add(
      'TASK_MISSING',
      'NEGATIVE',
      `요구 과업 '${ko(m.conceptId)}' 제공 내역 없음${inferredKo(m)}`,
      `No offering for the required task '${en(m.conceptId)}'${inferredEn(m)}`,
    );
  }
  const industry = byScheme('industry')[0];
  if (industry) {
    const exact = industry.relation === 'exact';
    add(
      exact ? 'INDUSTRY_EXACT' : 'INDUSTRY_RELATED',
      'POSITIVE',
      exact ? `'${ko(industry.conceptId)}' 산업 경험 보유` : `인접 산업 '${ko(industry.offeredConceptId!)}' 경험 보유`,
      exact ? `Experience in '${en(industry.conceptId)}'` : `Experience in the related '${en(industry.offeredConceptId!)}'`,
    );
  } else if (e.missing.some((m) => m.scheme === 'industry')) {
    const m = e.missing.find((x) => x.scheme === 'industry')!;
    add('INDUSTRY_MISSING', 'NEGATIVE', `'${ko(m.conceptId)}' 산업 경험이 드러나지 않음`, `No visible experience in '${en(m.conceptId)}'`);
  }
  const data = byScheme('modality');
  if (data.length)
    add(
      'DATA_FIT',
      'POSITIVE',
      `보유 데이터(${data.map((m) => ko(m.conceptId)).join(', ')}) 처리 가능`,
      `Handles the data you hold (${data.map((m) => en(m.conceptId)).join(', ')})`,
    );
  const systems = byScheme('integration');
  if (systems.length)
    add(
      'INTEGRATION_FIT',
      'POSITIVE',
      `${systems.map((m) => ko(m.conceptId)).join(', ')} 연동 경험`,
      `Integrates with ${systems.map((m) => en(m.conceptId)).join(', ')}`,
    );
  const missingSystems = e.missing.filter((m) => m.scheme === 'integration');
  if (missingSystems.length)
    add(
      'INTEGRATION_MISSING',
      'NEGATIVE',
      `${missingSystems.map((m) => ko(m.conceptId)).join(', ')} 연동 내역 없음`,
      `No stated integration with ${missingSystems.map((m) => en(m.conceptId)).join(', ')}`,
    );
  const preferredDeployment = byScheme('deployment').find((m) => m.relation === 'exact');
  if (preferredDeployment)
    add(
      'DEPLOYMENT_PREFERENCE',
      'POSITIVE',
      `원하는 방식 '${ko(preferredDeployment.conceptId)}' 제공`,
      `Offers the preferred '${en(preferredDeployment.conceptId)}'`,
    );

  if (e.budgetFit === 'FITS') add('BUDGET_FITS', 'POSITIVE', '예산 범위 안의 가격', 'Price within the budget');
  else if (e.budgetFit === 'STRETCH')
    add('BUDGET_STRETCH', 'NEGATIVE', '최저 가격이 예산 상한을 넘음 (2배 이내)', 'Minimum price above the budget (within twice)');

  const text = e.features.find((f) => f.feature === 'text')!;
  if (e.textOnly)
    add(
      'TEXT_ONLY',
      'INFO',
      '구조화된 요구 사항이 없어 설명 내용의 유사도로만 순위를 정함',
      'No structured requirement: ranked by how similar the descriptions are',
    );
  else if (text.value >= 0.6)
    add(
      'TEXT_SIMILAR',
      'POSITIVE',
      `설명 내용이 요구와 유사함 (${Math.round(text.value * 100)}%)`,
      `Description close to the need (${Math.round(text.value * 100)}%)`,
    );

  const certs = byScheme('certification').filter((m) => m.relation === 'exact');
  if (certs.length)
    add(
      'CERTIFICATION',
      'POSITIVE',
      `요청한 인증 보유: ${certs.map((m) => ko(m.conceptId)).join(', ')}`,
      `Holds the requested ${certs.map((m) => en(m.conceptId)).join(', ')}`,
    );
  return out;
}
