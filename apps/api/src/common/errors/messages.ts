import type { MessageLocale } from '@aimatch/validation';

/** Error messages of the api in Korean (default) and English. */
export const MESSAGES = {
  'bad-input': { ko: '입력값을 확인해 주세요.', en: 'Please check the input.' },
  'bad-query': { ko: '요청한 GraphQL 문서가 올바르지 않습니다.', en: 'The GraphQL document is invalid.' },
  'payload-too-large': { ko: '요청 본문이 너무 큽니다.', en: 'The request body is too large.' },
  unauthenticated: { ko: '로그인이 필요합니다.', en: 'Please sign in.' },
  'session-expired': { ko: '세션이 만료되었습니다. 다시 로그인해 주세요.', en: 'Your session has expired. Please sign in again.' },
  'invalid-credentials': { ko: '이메일 또는 비밀번호가 올바르지 않습니다.', en: 'The e-mail or password is incorrect.' },
  'refresh-reused': {
    ko: '이미 사용된 세션 토큰입니다. 보안을 위해 모든 세션을 종료했습니다.',
    en: 'This session token was already used; all sessions of this sign-in were ended for safety.',
  },
  forbidden: { ko: '이 작업을 할 권한이 없습니다.', en: 'You are not allowed to do this.' },
  'not-found': { ko: '찾을 수 없습니다.', en: 'Not found.' },
  conflict: { ko: '다른 데이터와 충돌합니다.', en: 'This conflicts with existing data.' },
  'already-member': { ko: '이미 이 기관의 구성원입니다.', en: 'You are already a member of this organization.' },
  'invalid-transition': {
    ko: '현재 상태({current})에서는 이 작업({action})을 할 수 없습니다.',
    en: 'Cannot {action} a listing whose status is {current}.',
  },
  'stale-version': {
    ko: '다른 사용자가 먼저 수정했습니다(현재 버전 {current}). 최신 내용을 불러온 뒤 다시 시도하세요.',
    en: 'Someone changed this first (now version {current}). Reload and try again.',
  },
  'wrong-organization-kind': {
    ko: '이 기관 유형({kind})은 이 종류의 건을 등록할 수 없습니다.',
    en: 'An organization of kind {kind} cannot create this kind of listing.',
  },
  'not-published': {
    ko: '게시된 등록 건만 매칭할 수 있습니다(현재 상태 {current}).',
    en: 'Only published listings can be matched (this one is {current}).',
  },
  'bid-invalid-transition': {
    ko: '입찰의 현재 상태({current})에서는 이 작업({action})을 할 수 없습니다.',
    en: 'Cannot {action} a bid whose status is {current}.',
  },
  'demand-not-open': {
    ko: '이 수요는 입찰을 받고 있지 않습니다(현재 상태 {current}).',
    en: 'This demand is not taking bids (its status is {current}).',
  },
  'bidding-closed': {
    ko: '입찰 마감 일시({deadline})가 지났습니다.',
    en: 'The bid deadline ({deadline}) has passed.',
  },
  'live-bid-exists': {
    ko: '이 기관은 이 수요에 이미 진행 중인 입찰이 있습니다.',
    en: 'Your organization already has a live bid on this demand.',
  },
  'consortium-pending': {
    ko: '컨소시엄 참여사가 모두 초대를 수락해야 제출할 수 있습니다(대기 {pending}곳).',
    en: 'Every consortium partner must accept the invitation before the bid is submitted ({pending} pending).',
  },
  'demand-already-awarded': {
    ko: '다른 입찰이 먼저 선정되었습니다.',
    en: 'Another bid was accepted first.',
  },
  'invitation-not-pending': {
    ko: '응답할 수 있는 컨소시엄 초대가 아닙니다(현재 {current}).',
    en: 'This consortium invitation cannot be answered now (it is {current}).',
  },
  'verification-open': {
    ko: '이 기관의 인증 요청이 이미 심사 중입니다. 결과가 나온 뒤 다시 요청할 수 있습니다.',
    en: "This organization's verification request is already under review; you can ask again once it is decided.",
  },
  'already-verified': { ko: '이미 협회 인증을 받은 기관입니다.', en: 'This organization is already verified.' },
  'keyword-exists': {
    ko: '이미 목록에 있는 금지어입니다(띄어쓰기·대소문자 무시).',
    en: 'This keyword is already listed (spacing and case ignored).',
  },
  'verification-decided': {
    ko: '이미 결정된 인증 요청입니다(결정: {current}).',
    en: 'This verification request was already decided ({current}).',
  },
  'organization-suspended': {
    ko: '협회가 이 기관의 이용을 정지했습니다. 협회에 문의해 주세요.',
    en: 'The association has suspended this organization. Please contact the association.',
  },
  'already-suspended': { ko: '이미 이용 정지된 기관입니다.', en: 'This organization is already suspended.' },
  'trust-signals-not-open': {
    ko: '열린 이상 징후가 아닙니다. 이미 처리되었거나 기각된 징후입니다.',
    en: 'These signals are not open any more: they were already actioned or dismissed.',
  },
  'not-suspended': { ko: '이용 정지된 기관이 아닙니다.', en: 'This organization is not suspended.' },
  'suspend-protected': {
    ko: '협회 기관이나 본인이 속한 기관은 이용 정지할 수 없습니다.',
    en: "The association's own organization, or one you belong to, cannot be suspended.",
  },
  'rate-limited': { ko: '요청이 너무 많습니다. 잠시 후 다시 시도해 주세요.', en: 'Too many requests. Please try again later.' },
  internal: { ko: '일시적인 오류가 발생했습니다.', en: 'Something went wrong on our side.' },
  'file-too-large': {
    ko: '파일이 너무 큽니다(최대 {maxMiB} MiB).',
    en: 'The file is too large (at most {maxMiB} MiB).',
  },
  'file-empty': { ko: '빈 파일은 올릴 수 없습니다.', en: 'An empty file cannot be uploaded.' },
  'file-type-not-allowed': {
    ko: '허용되지 않는 파일 형식입니다. 올릴 수 있는 형식: {allowed}',
    en: 'This type of file is not allowed. Allowed: {allowed}',
  },
  'file-missing': { ko: '올릴 파일을 선택해 주세요.', en: 'Please choose a file to upload.' },
  'file-not-found': { ko: '파일을 찾을 수 없습니다.', en: 'The file was not found.' },
  'file-not-yours': { ko: '직접 올린 파일만 첨부할 수 있습니다.', en: 'You can attach only files you uploaded yourself.' },
  'file-already-attached': { ko: '이미 다른 곳에 첨부된 파일입니다.', en: 'This file is already attached elsewhere.' },
  'file-wrong-kind': {
    ko: '이곳에 첨부할 수 없는 종류의 파일입니다({kind}).',
    en: 'A file of this kind ({kind}) cannot be attached here.',
  },
  'file-link-invalid': {
    ko: '다운로드 링크가 만료되었거나 올바르지 않습니다. 다시 시도해 주세요.',
    en: 'The download link has expired or is invalid. Please try again.',
  },
  // Certification claims (helper C).
  'certification-claim-open': {
    ko: '이 인증의 확인 요청이 이미 심사 중입니다. 결과가 나온 뒤 다시 요청할 수 있습니다.',
    en: 'A claim for this certification is already under review; you can claim it again once it is decided.',
  },
  'certification-claim-decided': {
    ko: '이미 처리된 인증 확인 요청입니다(상태: {current}).',
    en: 'This certification claim was already handled ({current}).',
  },
  'certification-expired': {
    ko: '인증서의 만료일({expiresOn})이 지나 확인할 수 없습니다. 갱신된 인증서로 다시 요청하도록 안내해 주세요.',
    en: 'The certificate expired on {expiresOn} and cannot be verified; ask for a claim with the renewed certificate.',
  },
  // Staff two-factor sign-in (helper S).
  'two-factor-required': {
    ko: '인증 앱의 6자리 코드(또는 복구 코드)를 입력해 주세요.',
    en: 'Enter the 6-digit code from your authenticator app (or a recovery code).',
  },
  'two-factor-invalid': {
    ko: '인증 코드가 올바르지 않거나 이미 사용되었습니다. 앱의 새 코드를 입력해 주세요.',
    en: 'The code is incorrect or was already used. Enter a new code from the app.',
  },
  'two-factor-already-enrolled': {
    ko: '2단계 인증이 이미 설정되어 있습니다.',
    en: 'Two-factor sign-in is already set up.',
  },
  'two-factor-not-started': {
    ko: '먼저 2단계 인증 설정을 시작해 주세요.',
    en: 'Start the two-factor set-up first.',
  },
  // Members (helper M).
  'last-owner': {
    ko: '기관에는 소유자가 한 명 이상 있어야 합니다. 마지막 소유자는 나가거나 제외되거나 구성원으로 바뀔 수 없으니, 먼저 다른 구성원을 소유자로 지정해 주세요.',
    en: 'An organization needs at least one owner: the last owner cannot leave, be removed or be made a member. Make another member an owner first.',
  },
  // E-mail verification (helper E).
  'email-unverified': {
    ko: '이메일 인증 후 이용할 수 있습니다. 가입할 때 받은 메일의 인증 링크를 눌러 주세요(메일 다시 보내기는 화면 위 안내에서).',
    en: 'Please verify your e-mail address first: open the link in the mail we sent you (you can have it sent again from the notice at the top).',
  },
  'email-already-verified': { ko: '이미 인증된 이메일 주소입니다.', en: 'This e-mail address is already verified.' },
  // Account deletion (helper C).
  'last-owner-with-members': {
    ko: '다른 구성원이 있는 기관({organizations})의 유일한 소유자입니다. 먼저 다른 구성원에게 소유권을 넘겨 주세요.',
    en: 'You are the only owner of an organization that has other members ({organizations}). Transfer ownership first.',
  },
  // Case studies on organization profiles (helper P, #14 item 2).
  'case-studies-full': {
    ko: '사례는 기관당 최대 {max}개까지 등록할 수 있습니다. 오래된 사례를 삭제한 뒤 추가해 주세요.',
    en: 'An organization can list at most {max} case studies. Delete an older one first.',
  },
  'case-studies-changed': {
    ko: '그사이 사례 목록이 바뀌었습니다. 새로 고친 뒤 다시 순서를 정해 주세요.',
    en: 'The list of case studies has changed meanwhile. Reload and order them again.',
  },
  // Files on demands, bids and chat (#14 helper F).
  'file-too-many': {
    ko: '파일은 최대 {max}개까지 첨부할 수 있습니다. 먼저 다른 파일을 삭제해 주세요.',
    en: 'At most {max} files can be attached. Remove another file first.',
  },
  'files-not-editable': {
    ko: '지금 상태({status})에서는 첨부 파일을 바꿀 수 없습니다.',
    en: 'The attached files cannot be changed in this state ({status}).',
  },
  // The project after the award (helper W).
  'project-not-started': {
    ko: '이 수요는 아직 낙찰되지 않아 진행 중인 프로젝트가 없습니다.',
    en: 'This demand has not been awarded: there is no project yet.',
  },
  'project-not-active': {
    ko: '진행 중인 프로젝트가 아닙니다(취소되었거나 종료되었습니다).',
    en: 'The project is not in progress (it was cancelled or closed).',
  },
  'project-completed': {
    ko: '이미 완료된 프로젝트입니다.',
    en: 'The project is already complete.',
  },
  'project-invalid-transition': {
    ko: '다른 사용자가 먼저 처리했거나 현재 단계에서 할 수 없는 작업입니다. 새로 고쳐 최신 상태를 확인해 주세요.',
    en: 'Someone acted first, or this step is not possible now. Reload to see the current state.',
  },
  // Vocabulary governance (helper V).
  'concept-in-use': {
    ko: '사용 중인 개념은 삭제할 수 없습니다(사용 {count}건). 대신 대체 개념을 지정해 폐기하세요.',
    en: 'A concept in use cannot be deleted ({count} uses). Deprecate it with a replacement instead.',
  },
  'concept-has-children': {
    ko: '하위 개념이 있는 개념은 삭제할 수 없습니다(하위 {count}개). 먼저 하위 개념을 옮기세요.',
    en: 'A concept with children cannot be deleted ({count} children). Move them first.',
  },
  // --- #18 (helper P) ---
  unavailable: {
    ko: '서비스에 잠시 연결할 수 없습니다. 잠시 후 다시 시도해 주세요.',
    en: 'The service is briefly unavailable. Please try again in a moment.',
  },
} as const satisfies Record<string, Record<MessageLocale, string>>;

export type MessageKey = keyof typeof MESSAGES;

export function message(key: MessageKey, locale: MessageLocale, params: Record<string, string | number> = {}): string {
  // Numbers are grouped as the reader writes them (1,000, not 1000).
  const group = new Intl.NumberFormat(locale === 'ko' ? 'ko-KR' : 'en-US');
  const text = (value: string | number) => (typeof value === 'number' && Number.isFinite(value) ? group.format(value) : String(value));
  return MESSAGES[key][locale].replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? text(params[name]) : m));
}
