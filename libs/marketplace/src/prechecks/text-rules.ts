/**
 * What may not stand in a listing's free text, found by patterns: contact details (the platform
 * carries the contact in its own element, shown only to those allowed to see it), requests to pay
 * outside the platform, personal data, and the staff's prohibited keywords. Each finding carries
 * an excerpt with every phone number, resident registration number and e-mail address MASKED, so
 * that the pre-check report does not spread what it warns about.
 */
import { normalize } from '@aimatch/korean-text';

export type TextFindingKind = 'CONTACT_DETAILS' | 'EXTERNAL_PAYMENT' | 'PERSONAL_DATA' | 'PROHIBITED_KEYWORD';

export interface TextFinding {
  kind: TextFindingKind;
  /** What was found: email, url, messenger, business-phone, payment, bank-account, mobile-phone, phone, rrn, passport, keyword. */
  detail: string;
  /** The element path of the text (title, description, referenceCases.0.summary …). */
  path: string;
  /** ±24 characters around the finding, personal data masked. */
  excerpt: string;
  /** The staff keyword, for PROHIBITED_KEYWORD. */
  term?: string;
}

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
const URL =
  /\b(?:https?:\/\/|www\.)[^\s<>"'()]+|\b[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:com|net|org|io|ai|co\.kr|or\.kr|kr|me|ly)(?:\/[^\s<>"'()]*)?(?![a-z0-9.])/gi;
const MESSENGER =
  /(?:카카오톡|카톡|kakao\s*talk|kakaotalk|텔레그램|telegram|위챗|wechat|라인|line|whatsapp|왓츠앱|시그널|signal)\s*(?:id|아이디|ID)?\s*[:：]?\s*@?[A-Za-z0-9_.-]{3,}|오픈\s*채팅|open\s*chat/gi;
/** 1588-, 1577-, 1600- … representative numbers: a business's contact, not personal data. */
const BUSINESS_PHONE = /(?<![\d-])1(?:5|6|8)\d{2}[-.\s]?\d{4}(?![\d-])/g;
/** Korean mobile numbers, also written +82 10 …, 82-10-…, with dashes, dots, spaces or none. */
const MOBILE = /(?<![\d+])(?:\+?82[-.\s]?(?:\(0\))?|0)1[016789][-.\s)]?\d{3,4}[-.\s]?\d{4}(?!\d)/g;
/** Landlines: 02, 031–064, 070 (internet phone), 080. */
const LANDLINE = /(?<![\d+])(?:\+?82[-.\s]?|0)(?:2|[3-6][1-5]|70|80)[-.\s)]\d{3,4}[-.\s]\d{4}(?!\d)/g;
/** 주민등록번호 (YYMMDD-GNNNNNN): with the dash any valid date and sex digit; without it only with a valid check digit. */
const RRN = /(?<!\d)(\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])\s?(-)?\s?([1-8])(\d{6})(?!\d)/g;
const PASSPORT = /(?:여권(?:\s*번호)?|passport(?:\s*(?:no\.?|number))?)\s*[:：]?\s*([MSRODG]\d{3}[A-Z]?\d{4,5})\b/gi;
const PAYMENT =
  /선\s*입금|계좌\s*(?:번호|이체|로|으로|에)|무통장\s*입금|(?:직접|별도로?|개별)\s*(?:입금|송금|결제)|현금\s*(?:으로\s*)?결제|수수료\s*(?:없이|면제|절감|아끼)|플랫폼\s*(?:밖|외부)(?:에서|으로)?|bank\s+account|wire\s+transfer|pay\s+(?:us\s+)?directly|outside\s+(?:of\s+)?(?:the\s+)?platform|paypal|western\s+union|비트코인|bitcoin|usdt|테더/gi;
const BANK_ACCOUNT =
  /(?:국민|신한|우리|하나|농협|기업|카카오\s*뱅크|토스\s*뱅크|케이\s*뱅크|새마을|우체국|ibk|kb|nh)\s*(?:은행)?\s*[:：]?\s*\d{2,6}-\d{2,6}-\d{2,8}|(?<![\d-])\d{3,6}-\d{2,6}-\d{4,8}(?![\d-])(?=\s*\(?\s*(?:예금주|입금|계좌))/gi;

const RRN_WEIGHTS = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5];

/** The check digit of a 주민등록번호's first 12 digits (numbers issued before October 2020 carry it). */
export function rrnCheckDigit(first12: string): number {
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(first12[i]) * RRN_WEIGHTS[i];
  return (11 - (sum % 11)) % 10;
}

const digitsOnly = (s: string) => s.replace(/\D/g, '');

/** The same text with phone numbers, 주민등록번호 and e-mail addresses masked. */
export function maskPersonalData(text: string): string {
  return text
    .replace(new RegExp(RRN.source, 'g'), (_m, yy: string, mm: string, dd: string, _dash, g: string) => `${yy}${mm}${dd}-${g}******`)
    .replace(new RegExp(MOBILE.source, 'g'), (m) => maskDigits(m))
    .replace(new RegExp(LANDLINE.source, 'g'), (m) => maskDigits(m))
    .replace(new RegExp(EMAIL.source, 'g'), (m) => {
      const [user, domain] = m.split('@');
      return `${user.slice(0, 1)}***@${domain}`;
    });
}

/** Keeps the first three and the last four digits of a phone number (010-****-5678). */
function maskDigits(phone: string): string {
  const total = digitsOnly(phone).length;
  let seen = 0;
  return phone.replace(/\d/g, (d) => {
    seen++;
    return seen <= 3 || seen > total - 4 ? d : '*';
  });
}

function excerpt(text: string, start: number, end: number): string {
  const from = Math.max(0, start - 24);
  const to = Math.min(text.length, end + 24);
  return `${from > 0 ? '…' : ''}${maskPersonalData(text.slice(from, to)).replace(/\s+/g, ' ').trim()}${to < text.length ? '…' : ''}`;
}

function scan(
  text: string,
  path: string,
  re: RegExp,
  kind: TextFindingKind,
  detail: string,
  out: TextFinding[],
  accept?: (m: RegExpExecArray) => boolean,
) {
  const pattern = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`);
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    if (m[0].length === 0) {
      pattern.lastIndex++;
      continue;
    }
    if (accept && !accept(m)) continue;
    out.push({ kind, detail, path, excerpt: excerpt(text, m.index, m.index + m[0].length) });
  }
}

function validRrn(m: RegExpExecArray): boolean {
  const [, yy, mm, dd, dash, g, rest] = m;
  if (dash) return true;
  const digits = `${yy}${mm}${dd}${g}${rest}`;
  return rrnCheckDigit(digits.slice(0, 12)) === Number(digits[12]);
}

/** Staff keywords compare on this form: normalised (width, case), without any white space. */
export function keywordForm(text: string): string {
  return normalize(text).replace(/\s+/g, '');
}

/**
 * Findings in one free text. Phone numbers are personal data (the platform's contact element is
 * the place for a number); a 15xx/16xx/18xx business number is a contact detail.
 */
export function scanText(text: string, path: string, keywords: readonly string[] = []): TextFinding[] {
  const out: TextFinding[] = [];
  if (!text) return out;
  scan(text, path, EMAIL, 'CONTACT_DETAILS', 'email', out);
  const emails = [...text.matchAll(new RegExp(EMAIL.source, 'g'))].map((m) => [m.index, m.index + m[0].length]);
  // A domain inside an e-mail address is reported once, as the e-mail.
  scan(text, path, URL, 'CONTACT_DETAILS', 'url', out, (m) => !emails.some(([s, e]) => m.index >= s && m.index < e));
  scan(text, path, MESSENGER, 'CONTACT_DETAILS', 'messenger', out);
  scan(text, path, BUSINESS_PHONE, 'CONTACT_DETAILS', 'business-phone', out);
  scan(text, path, PAYMENT, 'EXTERNAL_PAYMENT', 'payment', out);
  scan(text, path, BANK_ACCOUNT, 'EXTERNAL_PAYMENT', 'bank-account', out);
  scan(text, path, MOBILE, 'PERSONAL_DATA', 'mobile-phone', out);
  scan(text, path, LANDLINE, 'PERSONAL_DATA', 'phone', out);
  scan(text, path, RRN, 'PERSONAL_DATA', 'rrn', out, validRrn);
  scan(text, path, PASSPORT, 'PERSONAL_DATA', 'passport', out);
  if (keywords.length) {
    // Keywords match on the compact form; the excerpt is taken from the original around the same place.
    const compact: number[] = [];
    let form = '';
    const normal = normalize(text);
    for (let i = 0; i < normal.length; i++) {
      if (/\s/.test(normal[i])) continue;
      form += normal[i];
      compact.push(i);
    }
    for (const term of keywords) {
      const key = keywordForm(term);
      if (!key) continue;
      const at = form.indexOf(key);
      if (at < 0) continue;
      const start = compact[at];
      const end = compact[at + key.length - 1] + 1;
      out.push({ kind: 'PROHIBITED_KEYWORD', detail: 'keyword', path, term, excerpt: excerpt(normal, start, end) });
    }
  }
  return out;
}
