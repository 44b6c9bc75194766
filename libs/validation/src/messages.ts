import type { MessageLocale, RuleViolation } from './violation';

type Template = (p: Record<string, string | number>) => string;

/**
 * Names of formats and fields that messages mention: a Korean message says 전화번호, not
 * "(phone)" (#14 item 7). Unknown names are shown as they are.
 */
const FORMAT_LABELS: Record<string, Record<MessageLocale, string>> = {
  phone: { ko: '전화번호, 예: 02-1234-5678', en: 'phone number, e.g. 02-1234-5678' },
  email: { ko: '이메일 주소', en: 'e-mail address' },
  url: { ko: '웹 주소', en: 'web address' },
  'ISO 639-1': { ko: '두 글자 언어 코드, 예: ko', en: 'two-letter language code, e.g. ko' },
  'yyyy-mm-dd': { ko: '날짜, 예: 2026-03-31', en: 'date, e.g. 2026-03-31' },
  'ISO 8601 date-time': { ko: '날짜와 시각', en: 'date and time' },
  uuid: { ko: '식별자', en: 'identifier' },
  cursor: { ko: '페이지 위치', en: 'page position' },
  'no-control-characters': { ko: '제어 문자 없이', en: 'without control characters' },
  'business-registration-number': { ko: '사업자등록번호', en: 'business registration number' },
};
const FIELD_LABELS: Record<string, Record<MessageLocale, string>> = {
  issuedOn: { ko: '발급일', en: 'the issue date' },
  organization: { ko: '새 기관 정보', en: 'a new organization' },
  invitationToken: { ko: '초대', en: 'an invitation' },
};

function fieldList(fields: string | number | undefined, locale: MessageLocale): string {
  return String(fields ?? '')
    .split(',')
    .map((name) => FIELD_LABELS[name.trim()]?.[locale] ?? name.trim())
    .join(locale === 'ko' ? ', ' : ' or ');
}

/** Numbers in messages are grouped (1,000 자, not 1000) — years are not (1900, not 1,900). */
function formatParams(params: Record<string, string | number>, locale: MessageLocale, path: string): Record<string, string | number> {
  if (/year/i.test(path)) return params;
  const format = new Intl.NumberFormat(locale === 'ko' ? 'ko-KR' : 'en-US');
  return Object.fromEntries(
    Object.entries(params).map(([key, value]) => [key, typeof value === 'number' && Number.isFinite(value) ? format.format(value) : value]),
  );
}

/** Every rule has a Korean and an English message; a missing rule falls back to `invalid`. */
const MESSAGES: Record<string, Record<MessageLocale, Template>> = {
  required: {
    // `missingKo`/`missingEn`: the documents a sign-up did not consent to (helper C).
    ko: (p) => (p.missingKo ? `필수 동의 항목에 동의해 주세요: ${p.missingKo}` : '필수 입력 항목입니다.'),
    en: (p) => (p.missingEn ? `Please agree to the required items: ${p.missingEn}` : 'This field is required.'),
  },
  invalid: { ko: () => '올바르지 않은 값입니다.', en: () => 'The value is invalid.' },
  type: { ko: (p) => `${p.expected} 형식이어야 합니다.`, en: (p) => `Must be a ${p.expected}.` },
  'min-length': { ko: (p) => `${p.min}자 이상 입력하세요.`, en: (p) => `Must be at least ${p.min} characters.` },
  'max-length': { ko: (p) => `${p.max}자 이하로 입력하세요.`, en: (p) => `Must be at most ${p.max} characters.` },
  range: {
    ko: (p) => `${p.min} 이상 ${p.max} 이하의 값이어야 합니다.`,
    en: (p) => `Must be between ${p.min} and ${p.max}.`,
  },
  'min-value': { ko: (p) => `${p.min} 이상이어야 합니다.`, en: (p) => `Must be at least ${p.min}.` },
  'max-value': { ko: (p) => `${p.max} 이하여야 합니다.`, en: (p) => `Must be at most ${p.max}.` },
  'max-items': { ko: (p) => `최대 ${p.max}개까지 입력할 수 있습니다.`, en: (p) => `At most ${p.max} items.` },
  enum: { ko: (p) => `허용된 값이 아닙니다: ${p.allowed}`, en: (p) => `Not an allowed value: ${p.allowed}` },
  email: { ko: () => '올바른 이메일 주소가 아닙니다.', en: () => 'Not a valid e-mail address.' },
  url: { ko: () => 'http(s):// 로 시작하는 올바른 주소가 아닙니다.', en: () => 'Not a valid http(s):// address.' },
  format: {
    ko: (p) => `형식이 올바르지 않습니다(${FORMAT_LABELS[String(p.format)]?.ko ?? p.format}).`,
    en: (p) => `Wrong format (${FORMAT_LABELS[String(p.format)]?.en ?? p.format}).`,
  },
  'brn-format': {
    ko: () => '사업자등록번호는 숫자 10자리입니다 (예: 123-45-67890).',
    en: () => 'A business registration number has 10 digits (e.g. 123-45-67890).',
  },
  checksum: {
    ko: () => '사업자등록번호의 검증번호가 맞지 않습니다.',
    en: () => 'The business registration number fails its checksum.',
  },
  unique: { ko: () => '이미 사용 중입니다.', en: () => 'Already in use.' },
  'password-length': {
    ko: (p) => `비밀번호는 ${p.min}자 이상 ${p.max}자 이하여야 합니다.`,
    en: (p) => `The password must have ${p.min} to ${p.max} characters.`,
  },
  'password-common': {
    ko: () => '너무 흔하거나 단순한 비밀번호입니다.',
    en: () => 'This password is too common or too simple.',
  },
  'password-guessable': {
    ko: () =>
      '추측하기 쉬운 비밀번호입니다(키보드 배열, 흔한 단어와 숫자 조합 등). 서로 관계없는 단어 여러 개를 이어 더 길게 만들어 보세요.',
    en: () =>
      'This password is easy to guess (keyboard patterns, common words with digits). Try several unrelated words in a longer phrase.',
  },
  'password-contains-email': {
    ko: () => '비밀번호에 이메일 주소를 포함할 수 없습니다.',
    en: () => 'The password must not contain your e-mail address.',
  },
  'unknown-concept': {
    ko: (p) => `어휘집에 없는 개념입니다: ${p.id}`,
    en: (p) => `Unknown vocabulary concept: ${p.id}`,
  },
  'wrong-scheme': {
    ko: (p) => `'${p.expected}' 분류의 개념이어야 합니다.`,
    en: (p) => `Must be a concept of scheme '${p.expected}'.`,
  },
  'one-of': {
    ko: (p) => `${fieldList(p.fields, 'ko')} 중 정확히 하나를 입력하세요.`,
    en: (p) => `Give exactly one of ${fieldList(p.fields, 'en')}.`,
  },
  'not-allowed': { ko: () => '선택할 수 없는 값입니다.', en: () => 'This value cannot be chosen.' },
  'invitation-invalid': {
    ko: () => '초대가 없거나 만료되었습니다.',
    en: () => 'The invitation does not exist or has expired.',
  },
  'invitation-email': {
    ko: () => '초대받은 이메일 주소로만 가입할 수 있습니다.',
    en: () => 'Only the invited e-mail address can accept this invitation.',
  },
  // Capability metadata (@aimatch/capability-model): listing content and AAS import.
  duplicate: { ko: () => '같은 값이 이미 있습니다.', en: () => 'This value is already in the list.' },
  'deprecated-concept': {
    ko: (p) => (p.replacement ? `더 이상 쓰지 않는 개념입니다: ${p.id} (대신 ${p.replacement})` : `더 이상 쓰지 않는 개념입니다: ${p.id}`),
    en: (p) => (p.replacement ? `Deprecated concept: ${p.id} (use ${p.replacement})` : `Deprecated concept: ${p.id}`),
  },
  'min-greater-than-max': {
    ko: (p) => `최솟값(${p.min})이 최댓값(${p.max})보다 클 수 없습니다.`,
    en: (p) => `The minimum (${p.min}) must not exceed the maximum (${p.max}).`,
  },
  'past-deadline': { ko: () => '마감 일시는 현재 이후여야 합니다.', en: () => 'The deadline must be in the future.' },
  'unknown-checklist-item': {
    ko: (p) => `알 수 없는 점검 항목입니다: ${p.id}`,
    en: (p) => `Unknown checklist item: ${p.id}`,
  },
  'invalid-characters': {
    ko: () => '사용할 수 없는 제어 문자가 들어 있습니다.',
    en: () => 'Contains control characters that are not allowed.',
  },
  json: {
    ko: (p) => (p.detail ? `올바른 JSON이 아닙니다 (${p.detail}).` : '올바른 JSON이 아닙니다.'),
    en: (p) => (p.detail ? `Not valid JSON (${p.detail}).` : 'Not valid JSON.'),
  },
  'aas-format': {
    ko: (p) => (p.detail ? `AAS v3 JSON 형식이 아닙니다 (${p.detail}).` : 'AAS v3 JSON 형식이 아닙니다.'),
    en: (p) => (p.detail ? `Not in the AAS v3 JSON format (${p.detail}).` : 'Not in the AAS v3 JSON format.'),
  },
  'aas-verification': {
    ko: (p) => (p.detail ? `AAS 메타모델 제약을 위반합니다 (${p.detail}).` : 'AAS 메타모델 제약을 위반합니다.'),
    en: (p) => (p.detail ? `Violates an AAS metamodel constraint (${p.detail}).` : 'Violates an AAS metamodel constraint.'),
  },
  // bids
  'sum-mismatch': {
    ko: (p) => `마일스톤 금액의 합(${p.sum}원)이 총액(${p.total}원)과 같아야 합니다.`,
    en: (p) => `The milestone amounts add up to ${p.sum} KRW, not the total of ${p.total} KRW.`,
  },
  'not-a-requirement': {
    ko: (p) => `이 수요의 요구 항목이 아닙니다: ${p.id}`,
    en: (p) => `Not one of this demand's required elements: ${p.id}`,
  },
  'share-total': {
    ko: (p) => `참여사 지분의 합은 ${p.max}% 이하여야 합니다(주관사 지분이 남아야 합니다).`,
    en: (p) => `The partners' shares may add up to at most ${p.max} % (the lead keeps the rest).`,
  },
  'verification-required': {
    ko: () => '협회 인증(VERIFIED)을 받은 기관만 입찰할 수 있습니다.',
    en: () => 'Only organizations verified by the association may bid.',
  },
  'organization-suspended': {
    ko: () => '협회가 이용을 정지한 기관은 참여할 수 없습니다.',
    en: () => 'An organization suspended by the association cannot take part.',
  },
  'wrong-organization-kind': {
    ko: (p) => `이 유형의 기관(${p.kind})은 참여할 수 없습니다.`,
    en: (p) => `An organization of kind ${p.kind} cannot take part.`,
  },
  'locked-after-submit': {
    ko: () => '제출된 입찰의 컨소시엄 구성은 바꿀 수 없습니다. 철회 후 새로 입찰하세요.',
    en: () => 'The consortium of a submitted bid cannot change; withdraw and bid again.',
  },
  // Reviews after a completed project.
  'not-completed': {
    ko: (p) => `완료된 프로젝트만 평가할 수 있습니다(현재 상태 ${p.current}).`,
    en: (p) => `Only a completed project can be reviewed (this one is ${p.current}).`,
  },
  'already-reviewed': { ko: () => '이 프로젝트는 이미 평가했습니다.', en: () => 'You have already reviewed this project.' },
  'missing-criteria': {
    ko: (p) => `모든 평가 항목에 점수를 주세요: ${p.missing}`,
    en: (p) => `Rate every criterion: ${p.missing}`,
  },
  'no-counterpart': { ko: () => '평가할 상대 기관이 없습니다.', en: () => 'There is no other party to review.' },
  'unknown-semantic-id': {
    ko: (p) => `어휘집에 없는 개념을 참조합니다: ${p.id}`,
    en: (p) => `Refers to a concept that is not in the vocabulary: ${p.id}`,
  },
  // Uploads (POST /files).
  'max-bytes': {
    ko: (p) => `파일은 ${p.maxMiB} MiB 이하여야 합니다.`,
    en: (p) => `The file must be at most ${p.maxMiB} MiB.`,
  },
  'not-empty': { ko: () => '빈 파일입니다.', en: () => 'The file is empty.' },
  'file-type': {
    ko: (p) => `파일 내용이 허용된 형식이 아닙니다(${p.detected}). 허용: ${p.allowed}`,
    en: (p) => `The file's content is not an allowed type (${p.detected}). Allowed: ${p.allowed}`,
  },
  // Certification claims (dates are calendar days, YYYY-MM-DD).
  'not-before': {
    ko: (p) => `${FIELD_LABELS[String(p.field)]?.ko ?? p.field} 이후의 날짜여야 합니다.`,
    en: (p) => `Must not be before ${FIELD_LABELS[String(p.field)]?.en ?? p.field}.`,
  },
  'not-past': { ko: () => '지난 날짜는 입력할 수 없습니다.', en: () => 'Must not be in the past.' },
  'not-future': { ko: () => '앞으로의 날짜는 입력할 수 없습니다.', en: () => 'Must not be in the future.' },
  // Consents to the legal documents (helper C).
  'stale-version': {
    ko: (p) => `최신 판이 아닙니다(${p.kind}: 현재 ${p.current}). 다시 읽고 동의해 주세요.`,
    en: (p) => `Not the current version (${p.kind}: now ${p.current}). Please read it again and agree.`,
  },
  'not-withdrawable': {
    ko: () => '필수 동의는 철회할 수 없습니다. 계정을 삭제하면 함께 종료됩니다.',
    en: () => 'A required consent cannot be withdrawn; it ends when the account is deleted.',
  },
  // Staff two-factor (helper S).
  'two-factor-code': {
    ko: () => '인증 코드가 올바르지 않거나 이미 사용되었습니다. 앱의 새 6자리 코드를 입력해 주세요.',
    en: () => 'The code is incorrect or was already used. Enter a new 6-digit code from the app.',
  },
  // Members (helper M).
  'not-yourself': {
    ko: () => '자기 자신에게는 할 수 없습니다(기관에서 나가려면 "기관 나가기"를 쓰세요).',
    en: () => 'You cannot do this to yourself (to leave the organization, use "Leave organization").',
  },
  'not-a-member': { ko: () => '이 기관의 구성원이 아닙니다.', en: () => 'This person is not a member of the organization.' },
  'invitation-closed': {
    ko: () => '이미 수락되었거나 취소되었거나 만료된 초대입니다.',
    en: () => 'This invitation was already accepted, revoked or has expired.',
  },
  // One-time account links (helper E: e-mail verification).
  'invalid-or-expired': {
    ko: () => '링크가 올바르지 않거나 만료되었거나 이미 사용되었습니다. 새 메일을 요청해 주세요.',
    en: () => 'This link is invalid, expired or already used. Please ask for a new mail.',
  },
  // Passwords: reset and change (helper R; a bad reset link is 'invalid-or-expired' above).
  'same-as-current': {
    ko: () => '현재 비밀번호와 다른 비밀번호를 입력해 주세요.',
    en: () => 'Choose a password different from the current one.',
  },
  'password-incorrect': { ko: () => '비밀번호가 올바르지 않습니다.', en: () => 'The password is incorrect.' },
  // Vocabulary governance (helper V): re-parenting or deprecating into a loop.
  cycle: {
    ko: () => '순환이 생깁니다: 자기 자신이나 하위 개념(또는 자신으로 돌아오는 대체 개념)은 고를 수 없습니다.',
    en: () =>
      'This would make a cycle: choose neither the concept itself nor one of its descendants (or a replacement leading back to it).',
  },
  // AAS import of uploads (#17, helper I).
  'aasx-package': {
    ko: (p) => (p.detail ? `AASX 패키지를 읽을 수 없습니다 (${p.detail}).` : 'AASX 패키지를 읽을 수 없습니다.'),
    en: (p) => (p.detail ? `The AASX package cannot be read (${p.detail}).` : 'The AASX package cannot be read.'),
  },
  'aasx-xml-unsupported': {
    ko: () => '이 AASX 패키지는 XML 형식의 AAS만 담고 있습니다. JSON 형식(.aas.json)으로 저장해 다시 올려 주세요.',
    en: () => 'This AASX package holds the AAS only as XML. Save it with a JSON part (.aas.json) and upload it again.',
  },
  'aas-shell-unknown': {
    ko: (p) => `파일에 이 셸이 없습니다: ${p.id}`,
    en: (p) => `The file holds no shell with this id: ${p.id}`,
  },
};

export function hasMessage(rule: string): boolean {
  return rule in MESSAGES;
}

export function localizeViolation(v: RuleViolation, locale: MessageLocale): string {
  const entry = MESSAGES[v.rule] ?? MESSAGES.invalid;
  return entry[locale](formatParams(v.params ?? {}, locale, v.path));
}
