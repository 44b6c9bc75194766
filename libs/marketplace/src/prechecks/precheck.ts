/**
 * The automated pre-checks staff see on every submitted listing: completeness against its
 * templates, near-duplicates (found by the caller's index, see fingerprint.ts), contact details
 * and payment requests in free text, personal data, and prohibited keywords. Pure: the caller
 * supplies the keyword list and the near-duplicate candidates with their estimated similarity.
 */
import { elementsForKind, type ListingContent, type TemplateElement, templatesForKind } from '@aimatch/capability-model';
import { fingerprint, NEAR_DUPLICATE_BLOCKER } from './fingerprint';
import { scanText, type TextFinding } from './text-rules';

export type PrecheckKind =
  'INCOMPLETE' | 'NEAR_DUPLICATE' | 'CONTACT_DETAILS' | 'EXTERNAL_PAYMENT' | 'PERSONAL_DATA' | 'PROHIBITED_KEYWORD';
export type PrecheckSeverity = 'WARNING' | 'BLOCKER';

export const PRECHECK_KINDS: readonly PrecheckKind[] = [
  'INCOMPLETE',
  'NEAR_DUPLICATE',
  'CONTACT_DETAILS',
  'EXTERNAL_PAYMENT',
  'PERSONAL_DATA',
  'PROHIBITED_KEYWORD',
];

/** Below this share of the template's elements filled, the listing is flagged INCOMPLETE. */
export const COMPLETENESS_THRESHOLD = 0.6;

export interface PrecheckFlag {
  kind: PrecheckKind;
  severity: PrecheckSeverity;
  /** The element path the flag is about (null: the listing as a whole). */
  path: string | null;
  message: { ko: string; en: string };
  /** Masked text around the finding. */
  excerpt: string | null;
  similarity: number | null;
  relatedListingId: string | null;
}

export interface PrecheckReport {
  completeness: number;
  missing: string[];
  flags: PrecheckFlag[];
}

export interface DuplicateCandidate {
  listingId: string;
  similarity: number;
  sameOrganization: boolean;
}

/** A listing's free texts by element path (what people wrote, not ids or numbers). */
export function freeTexts(content: ListingContent): Array<{ path: string; text: string }> {
  const out: Array<{ path: string; text: string }> = [];
  const add = (path: string, text: string | null | undefined) => {
    if (text && text.trim()) out.push({ path, text });
  };
  add('title', content.title);
  add('titleEn', content.titleEn);
  add('summary', content.summary);
  add('summaryEn', content.summaryEn);
  add('description', content.description);
  add('descriptionEn', content.descriptionEn);
  if (content.kind === 'DEMAND') {
    add('dataProfile.volumeDescription', content.dataProfile.volumeDescription);
  } else {
    content.referenceCases.forEach((r, i) => {
      add(`referenceCases.${i}.title`, r.title);
      add(`referenceCases.${i}.summary`, r.summary);
    });
    content.trustProfile.checklist.forEach((c, i) => add(`trustProfile.checklist.${i}.note`, c.note));
  }
  return out;
}

/** The text the near-duplicate check compares: title, summary and description (both languages). */
export function comparableText(content: ListingContent): string {
  return [content.title, content.summary, content.description, content.titleEn, content.summaryEn, content.descriptionEn]
    .filter((s): s is string => !!s && s.trim() !== '')
    .join('\n');
}

export function listingFingerprint(content: ListingContent) {
  return fingerprint(comparableText(content));
}

function filled(el: TemplateElement, record: Record<string, unknown>, key: string): boolean {
  const v = record[key];
  if (v === undefined || v === null) return false;
  if (typeof v === 'string') return v.trim() !== '' && !(el.valueType === 'enum' && v === 'UNKNOWN');
  if (Array.isArray(v)) return v.length > 0;
  return true;
}

/** Share of the listing's template elements (both languages of a text count apart) that are filled, and the missing paths. */
export function completeness(content: ListingContent): { completeness: number; missing: string[] } {
  let total = 0;
  const missing: string[] = [];
  const root = content as unknown as Record<string, unknown>;
  for (const template of templatesForKind(content.kind)) {
    const record = (template.contentKey ? root[template.contentKey] : root) as Record<string, unknown> | undefined;
    const prefix = template.contentKey ? `${template.contentKey}.` : '';
    for (const el of elementsForKind(template, content.kind)) {
      if (el.valueType === 'boolean') continue;
      const keys = el.valueType === 'multiLanguageString' ? [el.keys.ko, ...(el.keys.en ? [el.keys.en] : [])] : [el.idShort];
      for (const key of keys) {
        total++;
        if (!record || !filled(el, record, key)) missing.push(`${prefix}${key}`);
      }
    }
  }
  return { completeness: total === 0 ? 1 : Math.round(((total - missing.length) / total) * 1000) / 1000, missing };
}

const FINDING_TEXT: Record<string, { ko: string; en: string }> = {
  email: {
    ko: '본문에 이메일 주소가 있습니다. 연락처는 담당자 정보 항목에만 적어 주세요.',
    en: 'An e-mail address in the text; contacts belong in the contact element.',
  },
  url: { ko: '본문에 외부 링크(웹 주소)가 있습니다.', en: 'An external link (web address) in the text.' },
  messenger: { ko: '본문에 메신저 아이디나 오픈채팅 안내가 있습니다.', en: 'A messenger id or open-chat invitation in the text.' },
  'business-phone': { ko: '본문에 대표 전화번호가 있습니다.', en: 'A business phone number in the text.' },
  payment: { ko: '플랫폼 밖 결제·입금을 요청하는 표현이 있습니다.', en: 'A request to pay outside the platform.' },
  'bank-account': { ko: '본문에 계좌번호가 있습니다.', en: 'A bank account number in the text.' },
  'mobile-phone': { ko: '본문에 휴대전화 번호(개인정보)가 있습니다.', en: 'A mobile phone number (personal data) in the text.' },
  phone: { ko: '본문에 전화번호(개인정보)가 있습니다.', en: 'A phone number (personal data) in the text.' },
  rrn: {
    ko: '본문에 주민등록번호가 있습니다. 즉시 삭제가 필요합니다.',
    en: 'A resident registration number in the text; it must be removed.',
  },
  passport: { ko: '본문에 여권번호가 있습니다.', en: 'A passport number in the text.' },
};

function findingFlag(f: TextFinding): PrecheckFlag {
  const severity: PrecheckSeverity =
    f.kind === 'EXTERNAL_PAYMENT' || f.kind === 'PROHIBITED_KEYWORD' || f.detail === 'rrn' || f.detail === 'passport'
      ? 'BLOCKER'
      : 'WARNING';
  const message =
    f.kind === 'PROHIBITED_KEYWORD'
      ? { ko: `금지어 "${f.term}"이(가) 포함되어 있습니다.`, en: `Contains the prohibited keyword "${f.term}".` }
      : FINDING_TEXT[f.detail];
  return { kind: f.kind, severity, path: f.path, message, excerpt: f.excerpt, similarity: null, relatedListingId: null };
}

/** The report for one listing, given the staff keywords and the near-duplicate candidates at or above the threshold. */
export function precheckListing(
  content: ListingContent,
  ctx: { keywords: readonly string[]; duplicates: readonly DuplicateCandidate[] },
): PrecheckReport {
  const flags: PrecheckFlag[] = [];
  const done = completeness(content);
  if (done.completeness < COMPLETENESS_THRESHOLD) {
    const percent = Math.round(done.completeness * 100);
    flags.push({
      kind: 'INCOMPLETE',
      severity: 'WARNING',
      path: null,
      message: {
        ko: `템플릿 항목의 ${percent}%만 채워졌습니다 (기준 ${COMPLETENESS_THRESHOLD * 100}%). 빠진 항목: ${done.missing.length}개`,
        en: `Only ${percent}% of the template's elements are filled (threshold ${COMPLETENESS_THRESHOLD * 100}%); ${done.missing.length} missing.`,
      },
      excerpt: null,
      similarity: null,
      relatedListingId: null,
    });
  }
  for (const d of [...ctx.duplicates].sort((a, b) => b.similarity - a.similarity || a.listingId.localeCompare(b.listingId)).slice(0, 5)) {
    const percent = Math.round(d.similarity * 100);
    flags.push({
      kind: 'NEAR_DUPLICATE',
      severity: d.similarity >= NEAR_DUPLICATE_BLOCKER ? 'BLOCKER' : 'WARNING',
      path: 'description',
      message: d.sameOrganization
        ? {
            ko: `같은 기관의 다른 목록과 ${percent}% 유사합니다 (중복 등록 의심).`,
            en: `${percent}% similar to another listing of the same organization (possible duplicate).`,
          }
        : {
            ko: `다른 기관의 목록과 ${percent}% 유사합니다 (대리 작성·복제 의심).`,
            en: `${percent}% similar to a listing of another organization (possible copy or broker).`,
          },
      excerpt: null,
      similarity: Math.round(d.similarity * 1000) / 1000,
      relatedListingId: d.listingId,
    });
  }
  const seen = new Set<string>();
  for (const { path, text } of freeTexts(content)) {
    for (const f of scanText(text, path, ctx.keywords)) {
      const key = `${f.kind}|${f.detail}|${f.path}|${f.term ?? ''}|${f.excerpt}`;
      if (seen.has(key)) continue;
      seen.add(key);
      flags.push(findingFlag(f));
    }
  }
  return { completeness: done.completeness, missing: done.missing, flags };
}
