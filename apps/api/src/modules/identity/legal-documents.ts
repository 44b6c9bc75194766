/**
 * The versioned legal documents (이용약관, 개인정보 수집·이용 동의, 마케팅 정보 수신 동의) as code resources, so the
 * running app needs nothing outside its build. A new version is a new entry with a new `version`; the newest entry
 * of a kind is its current version. Older entries stay so that recorded consents keep naming a known text.
 */
export const LEGAL_DOCUMENT_KINDS = ['TERMS', 'PRIVACY', 'MARKETING'] as const;
export type LegalDocumentKind = (typeof LEGAL_DOCUMENT_KINDS)[number];

export interface LegalDocumentText {
  readonly title: string;
  readonly body: string;
}

export interface LegalDocumentVersion {
  readonly kind: LegalDocumentKind;
  readonly version: string;
  readonly required: boolean;
  readonly ko: LegalDocumentText;
  readonly en: LegalDocumentText;
}

export const LEGAL_DOCUMENTS: readonly LegalDocumentVersion[] = [
  {
    kind: 'TERMS',
    version: '2026-12-07',
    required: true,
    ko: {
      title: '이용약관',
      body: [
        '제1조(목적) 이 약관은 aimatch(이하 "서비스")의 이용 조건과 절차, 이용자와 운영자의 권리·의무를 정합니다.',
        '제2조(계정) 이용자는 정확한 정보로 가입하며, 계정과 비밀번호를 스스로 관리합니다.',
        '제3조(기관 정보) 기관의 사업자등록번호와 인증 상태는 운영자의 확인 절차에 따릅니다.',
        '제4조(금지 행위) 타인 사칭, 허위 정보 등록, 서비스 방해 행위를 금지합니다.',
        '제5조(탈퇴) 이용자는 언제든지 계정을 삭제할 수 있습니다. 작성한 메시지는 "탈퇴한 사용자" 이름으로 남습니다.',
      ].join('\n\n'),
    },
    en: {
      title: 'Terms of service',
      body: [
        'Article 1 (Purpose) These terms set out the conditions of use of aimatch (the "Service") and the rights and duties of users and the operator.',
        'Article 2 (Accounts) Users sign up with accurate information and keep their account and password safe.',
        "Article 3 (Organizations) An organization's business registration number and verification state follow the operator's checks.",
        'Article 4 (Prohibited conduct) Impersonation, false information and disrupting the Service are prohibited.',
        'Article 5 (Leaving) Users may delete their account at any time. Messages they wrote remain under the name "Deleted user".',
      ].join('\n\n'),
    },
  },
  {
    kind: 'PRIVACY',
    version: '2026-12-07',
    required: true,
    ko: {
      title: '개인정보 수집·이용 동의',
      body: [
        '수집 항목: 이메일, 이름, 비밀번호(암호화 저장), 소속 기관 정보, 접속 기록(IP 주소, 접속 일시).',
        '수집·이용 목적: 회원 식별과 가입 관리, 기관 간 매칭과 메시지 전달, 부정 이용 방지.',
        '보유·이용 기간: 회원 탈퇴 시까지. 단, 관계 법령이 정한 기간 동안 필요한 기록은 보관합니다.',
        '동의를 거부할 권리가 있으며, 거부하면 회원 가입을 할 수 없습니다.',
      ].join('\n\n'),
    },
    en: {
      title: 'Consent to the collection and use of personal data',
      body: [
        'Collected: e-mail address, name, password (stored hashed), organization details, access records (IP address, time).',
        'Purpose: identifying members and managing accounts, matching organizations and delivering messages, preventing abuse.',
        'Retention: until the account is deleted, except records that the law requires us to keep for a set period.',
        'You may refuse; without this consent an account cannot be created.',
      ].join('\n\n'),
    },
  },
  {
    kind: 'MARKETING',
    version: '2026-12-07',
    required: false,
    ko: {
      title: '마케팅 정보 수신 동의(선택)',
      body: [
        '새 기능, 행사와 지원사업 소식을 이메일로 보내 드립니다.',
        '동의하지 않아도 서비스를 이용할 수 있으며, 내 계정에서 언제든지 철회할 수 있습니다.',
      ].join('\n\n'),
    },
    en: {
      title: 'Marketing e-mail (optional)',
      body: [
        'We send news about features, events and support programmes by e-mail.',
        'You can use the Service without this consent and withdraw it at any time on your account page.',
      ].join('\n\n'),
    },
  },
];
