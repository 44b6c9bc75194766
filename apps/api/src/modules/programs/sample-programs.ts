import type { SupportProgramFields } from './dto/program.records';

const SME_BANDS = ['SIZE_1_9', 'SIZE_10_49', 'SIZE_50_299'];
const MANUFACTURING = 'urn:aimatch:industry:manufacturing';

/**
 * Sample programs from public announcements, for staff to start the catalogue from: each is marked
 * as a sample, names its source, and states the benefit as announced in that year. Amounts and
 * windows change every year; staff replace them with the current call or archive them.
 */
export const SAMPLE_PROGRAMS: Array<{ slug: string; fields: SupportProgramFields }> = [
  {
    slug: 'sample-ai-voucher',
    fields: {
      nameKo: 'AI 바우처 지원사업 (샘플)',
      nameEn: 'AI Voucher Program (sample)',
      agencyKo: '과학기술정보통신부 · 정보통신산업진흥원(NIPA)',
      agencyEn: 'Ministry of Science and ICT · NIPA',
      benefitKo: '수요기업이 AI 공급기업의 솔루션을 도입하는 비용을 바우처로 지원 (과제당 최대 2억원 수준, 공고별 상이)',
      benefitEn: 'A voucher for an SME buying and adopting an AI supplier’s solution (up to about KRW 200M per project; varies by call)',
      maxBenefitKrw: 200_000_000,
      opensOn: null,
      closesOn: null,
      url: 'https://www.nipa.kr',
      rules: [
        { fact: 'organization.kind', op: 'in', values: ['SME'] },
        { fact: 'organization.employeeBand', op: 'in', values: SME_BANDS },
      ],
      sourceNote: '샘플: AI 바우처 지원사업 공고(과학기술정보통신부·NIPA)의 공개 내용을 요약. 실제 신청 전 최신 공고를 확인하세요.',
    },
  },
  {
    slug: 'sample-smart-factory',
    fields: {
      nameKo: '스마트공장 보급·확산사업 (샘플)',
      nameEn: 'Smart Factory Deployment Program (sample)',
      agencyKo: '중소벤처기업부 · 스마트제조혁신추진단',
      agencyEn: 'Ministry of SMEs and Startups · Korea Smart Manufacturing Office',
      benefitKo: '제조 중소기업의 스마트공장 구축비 일부(정부 지원 50% 이내, 수준별 한도)를 지원',
      benefitEn: 'Part of a manufacturing SME’s smart-factory build (government share up to 50 %, capped by level)',
      maxBenefitKrw: 100_000_000,
      opensOn: null,
      closesOn: null,
      url: 'https://www.smart-factory.kr',
      rules: [
        { fact: 'organization.kind', op: 'in', values: ['SME'] },
        { fact: 'organization.industry', op: 'in', values: [MANUFACTURING] },
        { fact: 'organization.employeeBand', op: 'in', values: SME_BANDS },
      ],
      sourceNote: '샘플: 스마트공장 보급·확산사업 공고(중소벤처기업부)의 공개 내용을 요약. 지원 한도와 기간은 연도별 공고를 확인하세요.',
    },
  },
  {
    slug: 'sample-manufacturing-ai',
    fields: {
      nameKo: '제조AI 특화 스마트공장 지원 (샘플)',
      nameEn: 'Manufacturing-AI Smart Factory Support (sample)',
      agencyKo: '중소벤처기업부',
      agencyEn: 'Ministry of SMEs and Startups',
      benefitKo: '제조 현장에 AI(비전 검사, 예지보전, 공정 최적화 등)를 적용하는 고도화 구축비를 지원 (공고별 한도)',
      benefitEn:
        'Funding for applying AI on the shop floor (vision inspection, predictive maintenance, process optimisation); limits per call',
      maxBenefitKrw: null,
      opensOn: null,
      closesOn: null,
      url: 'https://www.mss.go.kr',
      rules: [
        { fact: 'organization.kind', op: 'in', values: ['SME'] },
        { fact: 'organization.industry', op: 'in', values: [MANUFACTURING] },
        {
          fact: 'demand.task',
          op: 'in',
          values: [
            'urn:aimatch:task:computer-vision',
            'urn:aimatch:task:anomaly-detection',
            'urn:aimatch:task:forecasting',
            'urn:aimatch:task:optimization',
            'urn:aimatch:task:robotics',
          ],
        },
      ],
      sourceNote: '샘플: 중소벤처기업부의 제조AI 특화 스마트공장 관련 공개 안내를 요약. 세부 요건은 해당 연도 공고를 확인하세요.',
    },
  },
  {
    slug: 'sample-data-voucher',
    fields: {
      nameKo: '데이터바우처 지원사업 (샘플)',
      nameEn: 'Data Voucher Program (sample)',
      agencyKo: '과학기술정보통신부 · 한국데이터산업진흥원',
      agencyEn: 'Ministry of Science and ICT · Korea Data Agency',
      benefitKo: '데이터 구매·가공 비용을 바우처로 지원 (AI 학습용 가공 포함, 유형별 한도)',
      benefitEn: 'A voucher for buying and processing data (AI training-data processing included; limits by type)',
      maxBenefitKrw: 70_000_000,
      opensOn: null,
      closesOn: null,
      url: 'https://kdata.or.kr',
      rules: [
        { fact: 'organization.kind', op: 'in', values: ['SME', 'AI_SUPPLIER', 'SI_INTEGRATOR'] },
        { fact: 'organization.employeeBand', op: 'in', values: SME_BANDS },
      ],
      sourceNote: '샘플: 데이터바우처 지원사업 공고(한국데이터산업진흥원)의 공개 내용을 요약. 최신 공고의 유형별 한도를 확인하세요.',
    },
  },
];
