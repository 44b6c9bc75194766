import { NotificationType } from '@aimatch/contracts';

type Locale = 'ko' | 'en';
type P = Record<string, unknown>;
const s = (v: unknown) => (v === undefined || v === null ? '' : String(v));

/** The bidding organization a notice to a demand's owner names (older notices have none). */
const bidder = (p: P, locale: Locale) => s((locale === 'en' && p.bidderNameEn) || p.bidderName);

/** The organization that acted on a project (the other side of the reader). */
const party = (p: P, locale: Locale) => s((locale === 'en' && p.organizationNameEn) || p.organizationName);
/** "마일스톤 2 「모델 구축」" / "milestone 2 (모델 구축)". */
const milestone = (p: P, locale: Locale) => {
  const n = typeof p.position === 'number' ? ` ${p.position}` : '';
  const title = s(p.milestoneTitle);
  return locale === 'ko' ? `마일스톤${n}${title ? ` 「${title}」` : ''}` : `milestone${n}${title ? ` (${title})` : ''}`;
};
/** 이/가 or 을/를 after a word, by its last syllable's final consonant (both forms when it is not Hangul). */
const particle = (word: string, withFinal: string, without: string) => {
  const c = word.trim().slice(-1).charCodeAt(0) - 0xac00;
  if (!(c >= 0 && c <= 11171)) return `${withFinal}(${without})`;
  return c % 28 ? withFinal : without;
};
/** Closing quotes do not count: "「모델 구축」을". */
const bare = (word: string) => word.replace(/[」』'"]+$/u, '');
const subject = (word: string) => `${word}${particle(bare(word), '이', '가')}`;
const object = (word: string) => `${word}${particle(bare(word), '을', '를')}`;
const cap = (v: string) => v.charAt(0).toUpperCase() + v.slice(1);

/** The e-mail subject and first line of each notification type, in Korean and English. */
const TEXTS: Record<string, Record<Locale, (p: P) => string>> = {
  // Bids and consortia (written by the bids module; types in its BID_NOTIFICATIONS).
  BID_RECEIVED: {
    ko: (p) => `${bidder(p, 'ko') ? `${bidder(p, 'ko')}의 ` : ''}새 입찰이 도착했습니다: ${s(p.title)}`,
    en: (p) => `New bid${bidder(p, 'en') ? ` from ${bidder(p, 'en')}` : ''} on: ${s(p.title)}`,
  },
  BID_REVISED: {
    ko: (p) => `${bidder(p, 'ko') ? `${bidder(p, 'ko')}의 ` : ''}입찰이 수정되었습니다: ${s(p.title)}`,
    en: (p) => `${bidder(p, 'en') || 'A bidder'} revised its bid on: ${s(p.title)}`,
  },
  BID_WITHDRAWN: {
    ko: (p) => `${bidder(p, 'ko') ? `${bidder(p, 'ko')}의 ` : ''}입찰이 철회되었습니다: ${s(p.title)}`,
    en: (p) => `${bidder(p, 'en') || 'A bidder'} withdrew its bid on: ${s(p.title)}`,
  },
  BID_SHORTLISTED: {
    ko: (p) => `입찰이 최종 후보가 되었습니다: ${s(p.title)}`,
    en: (p) => `Your bid was shortlisted: ${s(p.title)}`,
  },
  BID_ACCEPTED: {
    ko: (p) => `입찰이 선정되었습니다: ${s(p.title)}`,
    en: (p) => `Your bid was accepted: ${s(p.title)}`,
  },
  BID_DECLINED: {
    ko: (p) => `${p.awardedToAnother ? '다른 입찰이 선정되어 ' : ''}입찰이 반려되었습니다: ${s(p.title)}`,
    en: (p) => `Your bid was declined${p.awardedToAnother ? ' (another bid was accepted)' : ''}: ${s(p.title)}`,
  },
  BID_EXPIRED: {
    ko: (p) => `입찰이 만료되었습니다: ${s(p.title)}`,
    en: (p) => `Your bid expired: ${s(p.title)}`,
  },
  BID_INVITATION: {
    ko: (p) => `${s(p.organizationName) || '수요 기관'}에서 입찰을 요청했습니다: ${s(p.title)}`,
    en: (p) => `${s(p.organizationNameEn || p.organizationName) || 'A demand owner'} invites you to bid on: ${s(p.title)}`,
  },
  CONSORTIUM_INVITATION: {
    ko: (p) => `컨소시엄 참여 요청이 왔습니다: ${s(p.title)}`,
    en: (p) => `Consortium invitation: ${s(p.title)}`,
  },
  CONSORTIUM_INVITATION_ANSWERED: {
    ko: (p) => `컨소시엄 참여 요청에 ${p.accepted ? '수락' : '거절'} 응답이 왔습니다: ${s(p.title)}`,
    en: (p) => `A partner ${p.accepted ? 'accepted' : 'declined'} your consortium invitation: ${s(p.title)}`,
  },
  DEMAND_COMPLETED: {
    ko: (p) => `프로젝트가 완료되었습니다. 평가를 남겨 주세요: ${s(p.title)}`,
    en: (p) => `Project completed — leave a review: ${s(p.title)}`,
  },
  DEMAND_CANCELLED: {
    ko: (p) => `프로젝트가 취소되었습니다: ${s(p.title)}`,
    en: (p) => `Project cancelled: ${s(p.title)}`,
  },
  [NotificationType.MATCH_ALERT]: {
    ko: (p) => `새 수요가 알림 조건과 맞습니다: ${s(p.title)}`,
    en: (p) => `A new demand matches your alert: ${s(p.title)}`,
  },
  [NotificationType.LISTING_APPROVED]: {
    ko: (p) => `등록하신 건이 승인되어 게시되었습니다: ${s(p.title)}`,
    en: (p) => `Your listing was approved and published: ${s(p.title)}`,
  },
  [NotificationType.LISTING_REJECTED]: {
    ko: (p) => `등록하신 건이 반려되었습니다: ${s(p.title)}`,
    en: (p) => `Your listing was rejected: ${s(p.title)}`,
  },
  [NotificationType.REVIEW_RECEIVED]: {
    ko: (p) =>
      p.visible
        ? `새 평가가 공개되었습니다: ${s(p.demandTitle)}`
        : `새 평가를 받았습니다(양측 평가 후 또는 14일 뒤 공개): ${s(p.demandTitle)}`,
    en: (p) =>
      p.visible
        ? `A new review is visible: ${s(p.demandTitle)}`
        : `You received a review (visible once both sides reviewed, or after 14 days): ${s(p.demandTitle)}`,
  },
  [NotificationType.VERIFICATION_REQUESTED]: {
    ko: (p) => `새 기관 인증 요청이 들어왔습니다: ${s(p.organizationName)}`,
    en: (p) => `A new organization verification request: ${s(p.organizationName)}`,
  },
  [NotificationType.VERIFICATION_DECIDED]: {
    ko: (p) =>
      p.decision === 'VERIFIED'
        ? `기관 인증이 완료되었습니다. 이제 입찰할 수 있습니다: ${s(p.organizationName)}`
        : p.decision === 'NEEDS_INFO'
          ? `기관 인증에 추가 정보가 필요합니다: ${s(p.organizationName)}`
          : `기관 인증 요청이 반려되었습니다: ${s(p.organizationName)}`,
    en: (p) =>
      p.decision === 'VERIFIED'
        ? `Your organization is verified and may now bid: ${s(p.organizationName)}`
        : p.decision === 'NEEDS_INFO'
          ? `More information is needed to verify your organization: ${s(p.organizationName)}`
          : `Your verification request was rejected: ${s(p.organizationName)}`,
  },
  [NotificationType.ORGANIZATION_SUSPENDED]: {
    ko: (p) => `협회가 기관의 이용을 정지했습니다: ${s(p.organizationName)}`,
    en: (p) => `The association suspended your organization: ${s(p.organizationName)}`,
  },
  [NotificationType.ORGANIZATION_UNSUSPENDED]: {
    ko: (p) => `기관의 이용 정지가 해제되었습니다: ${s(p.organizationName)}`,
    en: (p) => `Your organization's suspension was lifted: ${s(p.organizationName)}`,
  },
  [NotificationType.LISTING_CHANGES_REQUESTED]: {
    ko: (p) => `등록하신 건에 수정 요청이 있습니다${Number(p.commentCount) > 0 ? ` (코멘트 ${s(p.commentCount)}개)` : ''}: ${s(p.title)}`,
    en: (p) =>
      `Changes were requested on your listing${Number(p.commentCount) > 0 ? ` (${s(p.commentCount)} comments)` : ''}: ${s(p.title)}`,
  },
  [NotificationType.LISTING_SUBMITTED]: {
    ko: (p) => `새 등록 건이 심사를 기다립니다: ${s(p.title)}${p.organizationName ? ` (${s(p.organizationName)})` : ''}`,
    en: (p) => `A new listing awaits review: ${s(p.title)}${p.organizationName ? ` (${s(p.organizationName)})` : ''}`,
  },
  [NotificationType.CERTIFICATION_CLAIMED]: {
    ko: (p) => `새 인증 확인 요청이 들어왔습니다: ${s(p.organizationName)} · ${s(p.certificationKo)}`,
    en: (p) => `A new certification claim: ${s(p.organizationName)} · ${s(p.certificationEn)}`,
  },
  [NotificationType.CERTIFICATION_DECIDED]: {
    ko: (p) =>
      p.decision === 'VERIFIED'
        ? `인증이 확인되었습니다: ${s(p.certificationKo)}`
        : p.decision === 'NEEDS_INFO'
          ? `인증 확인에 추가 정보가 필요합니다: ${s(p.certificationKo)}`
          : `인증 확인 요청이 반려되었습니다: ${s(p.certificationKo)}`,
    en: (p) =>
      p.decision === 'VERIFIED'
        ? `Your certification is verified: ${s(p.certificationEn)}`
        : p.decision === 'NEEDS_INFO'
          ? `More information is needed to verify your certification: ${s(p.certificationEn)}`
          : `Your certification claim was rejected: ${s(p.certificationEn)}`,
  },
  [NotificationType.CERTIFICATION_EXPIRING]: {
    ko: (p) => `인증이 ${s(p.expiresOn)}에 만료됩니다(30일 이내). 갱신된 인증서로 다시 확인을 요청해 주세요: ${s(p.certificationKo)}`,
    en: (p) =>
      `Your certification expires on ${s(p.expiresOn)} (within 30 days); claim it again with the renewed certificate: ${s(p.certificationEn)}`,
  },
  [NotificationType.CERTIFICATION_EXPIRED]: {
    ko: (p) => `인증이 만료되어 더 이상 표시되지 않습니다: ${s(p.certificationKo)}`,
    en: (p) => `Your certification expired and is no longer shown: ${s(p.certificationEn)}`,
  },
  [NotificationType.ORGANIZATION_WARNED]: {
    ko: (p) => `협회가 기관에 경고를 보냈습니다: ${s(p.organizationName)}`,
    en: (p) => `The association sent your organization a warning: ${s(p.organizationName)}`,
  },
  // The project after the award (written by the projects module); `organizationName` is the side that acted.
  [NotificationType.MILESTONE_DELIVERED]: {
    ko: (p) => `${subject(party(p, 'ko') || '공급기업')} ${object(milestone(p, 'ko'))} 납품했습니다: ${s(p.title)}`,
    en: (p) => `${party(p, 'en') || 'The supplier'} delivered ${milestone(p, 'en')}: ${s(p.title)}`,
  },
  [NotificationType.MILESTONE_ACCEPTED]: {
    ko: (p) => `${subject(milestone(p, 'ko'))} 승인되었습니다: ${s(p.title)}`,
    en: (p) => `${cap(milestone(p, 'en'))} was accepted: ${s(p.title)}`,
  },
  [NotificationType.MILESTONE_REWORK_REQUESTED]: {
    ko: (p) => `${milestone(p, 'ko')}에 보완 요청이 왔습니다: ${s(p.title)}`,
    en: (p) => `Rework was requested on ${milestone(p, 'en')}: ${s(p.title)}`,
  },
  [NotificationType.PROJECT_COMPLETION_PROPOSED]: {
    ko: (p) => `${subject(party(p, 'ko') || '상대방')} 프로젝트 완료를 제안했습니다. 확인해 주세요: ${s(p.title)}`,
    en: (p) => `${party(p, 'en') || 'The other party'} proposed to complete the project — please confirm: ${s(p.title)}`,
  },
  [NotificationType.PROJECT_COMPLETION_WITHDRAWN]: {
    ko: (p) => `${subject(party(p, 'ko') || '상대방')} 프로젝트 완료 제안을 철회했습니다: ${s(p.title)}`,
    en: (p) => `${party(p, 'en') || 'The other party'} withdrew its proposal to complete the project: ${s(p.title)}`,
  },
};

export function notificationText(type: string, payload: P, locale: Locale): string {
  const t = TEXTS[type];
  if (t) return t[locale](payload);
  const title = s(payload.title ?? payload.demandTitle);
  return locale === 'ko'
    ? `aimatch 알림 (${type})${title ? `: ${title}` : ''}`
    : `aimatch notification (${type})${title ? `: ${title}` : ''}`;
}

export function notificationMailBody(type: string, payload: P, locale: Locale, url: string | null): string {
  const lines = [notificationText(type, payload, locale)];
  if (typeof payload.reason === 'string' && payload.reason)
    lines.push('', locale === 'ko' ? `사유: ${payload.reason}` : `Reason: ${payload.reason}`);
  if (url) lines.push('', url);
  lines.push(
    '',
    '--',
    locale === 'ko'
      ? 'aimatch 알림 설정에서 이메일 수신을 끌 수 있습니다.'
      : 'You can turn these e-mails off in your aimatch notification settings.',
  );
  return lines.join('\n');
}
