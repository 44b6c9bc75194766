/**
 * Canned reasons for a staff decision on a listing (reject, request changes), in Korean and
 * English: the decision dialogs offer them as a one-click fill of the (still editable) reason, and
 * the api and the web read the same list. They live in contracts, not in libs/marketplace, because
 * contracts is the one library the browser bundle may import.
 */
export interface CannedReviewReason {
  id: string;
  /** The short name on the button. */
  label: { ko: string; en: string };
  /** The decisions the reason fits. */
  decisions: ReadonlyArray<'reject' | 'requestChanges'>;
  ko: string;
  en: string;
}

export const CANNED_REVIEW_REASONS: readonly CannedReviewReason[] = [
  {
    id: 'contact-details',
    label: { ko: '연락처 기재', en: 'Contact details' },
    decisions: ['reject', 'requestChanges'],
    ko: '본문에 연락처(전화번호·이메일·메신저 ID)가 기재되어 있습니다. 연락은 플랫폼의 문의 기능을 이용해 주세요.',
    en: 'The text contains contact details (phone, e-mail, messenger ID). Please use the platform’s messaging instead.',
  },
  {
    id: 'duplicate',
    label: { ko: '중복 등록', en: 'Duplicate' },
    decisions: ['reject', 'requestChanges'],
    ko: '이미 등록된 목록과 내용이 중복됩니다. 기존 목록을 수정해 주세요.',
    en: 'This duplicates a listing that already exists. Please edit the existing listing instead.',
  },
  {
    id: 'missing-required',
    label: { ko: '필수 항목 누락', en: 'Missing required items' },
    decisions: ['requestChanges'],
    ko: '필수 항목이 누락되었거나 내용이 부족합니다. 표시된 항목을 보완해 주세요.',
    en: 'Required items are missing or too thin. Please complete the items marked below.',
  },
  {
    id: 'exaggeration',
    label: { ko: '과장 표현', en: 'Exaggerated claims' },
    decisions: ['reject', 'requestChanges'],
    ko: '근거 없는 과장 표현(예: "국내 유일", "정확도 100%")이 있습니다. 객관적 근거를 제시하거나 표현을 수정해 주세요.',
    en: 'The text makes unsupported claims (e.g. "the only one in Korea", "100% accuracy"). Please back them up or tone them down.',
  },
  {
    id: 'personal-data',
    label: { ko: '개인정보 포함', en: 'Personal data' },
    decisions: ['reject', 'requestChanges'],
    ko: '개인정보(주민등록번호, 개인 연락처 등)가 포함되어 있습니다. 삭제해 주세요.',
    en: 'The text contains personal data (resident registration numbers, personal contact details…). Please remove it.',
  },
  {
    id: 'external-payment',
    label: { ko: '외부 결제 유도', en: 'Outside payment' },
    decisions: ['reject', 'requestChanges'],
    ko: '플랫폼 밖에서의 결제·계약을 유도하는 내용이 있습니다. 삭제해 주세요.',
    en: 'The text asks for payment or contracting outside the platform. Please remove it.',
  },
  {
    id: 'off-topic',
    label: { ko: '주제와 무관', en: 'Off-topic' },
    decisions: ['reject'],
    ko: 'AI 도입 수요·공급과 관련 없는 내용입니다.',
    en: 'The listing is not about adopting or supplying AI.',
  },
];

/** The canned reasons that fit a decision, in the list's order. */
export function cannedReviewReasons(decision: 'reject' | 'requestChanges'): CannedReviewReason[] {
  return CANNED_REVIEW_REASONS.filter((r) => r.decisions.includes(decision));
}
