/**
 * The trust & safety detectors: pure functions from what the scan read to the signals it found.
 * Each signal carries a fingerprint naming what was found, so a re-scan finds the same one again.
 */
import { exactSimilarity } from '@aimatch/marketplace';

export type TrustSignalKind = 'SHARED_CONTACT' | 'LOOKALIKE_NAME' | 'BURST_REGISTRATION' | 'USER_REPORTS' | 'NEAR_DUPLICATE_TEXT';

export interface DetectedSignal {
  organizationId: string;
  kind: TrustSignalKind;
  relatedOrganizationIds: string[];
  evidence: Record<string, unknown>;
  fingerprint: string;
}

export interface OrgFacts {
  id: string;
  nameKo: string;
  nameEn: string | null;
  website: string | null;
  verified: boolean;
  createdAt: Date;
  createdByUserId: string | null;
  createdFromIp: string | null;
  members: Array<{ userId: string; email: string; signupIp: string | null; signedUpAt: Date }>;
}

/** Thresholds (documented in the module's README line of TrustService; config overrides the burst and report ones). */
export interface TrustThresholds {
  /** BURST_REGISTRATION: at least this many organizations created by one account within `orgWindowMs`. */
  orgsPerAccount: number;
  orgWindowMs: number;
  /** BURST_REGISTRATION: at least this many accounts signed up from one network address within `accountWindowMs`. */
  accountsPerAddress: number;
  accountWindowMs: number;
  /** USER_REPORTS: at least this many reports against an organization's messages and reviews. */
  reports: number;
  /** NEAR_DUPLICATE_TEXT: similarity at or above this (0..1), on texts of at least `minTextLength` characters. */
  similarity: number;
  minTextLength: number;
}

export const DEFAULT_THRESHOLDS: TrustThresholds = {
  orgsPerAccount: 3,
  orgWindowMs: 24 * 3_600_000,
  accountsPerAddress: 5,
  accountWindowMs: 3_600_000,
  reports: 3,
  similarity: 0.8,
  minTextLength: 80,
};

/** Public mail services (and documentation domains): sharing one of these says nothing. */
export const PUBLIC_MAIL_DOMAINS = new Set([
  'gmail.com',
  'googlemail.com',
  'naver.com',
  'daum.net',
  'hanmail.net',
  'kakao.com',
  'nate.com',
  'outlook.com',
  'hotmail.com',
  'live.com',
  'msn.com',
  'yahoo.com',
  'yahoo.co.kr',
  'icloud.com',
  'me.com',
  'proton.me',
  'protonmail.com',
  'korea.com',
  'example.com',
  'example.kr',
  'example.org',
  'example.net',
]);

export function emailDomain(email: string | null | undefined): string | null {
  const at = email?.trim().toLowerCase().lastIndexOf('@') ?? -1;
  if (!email || at < 0) return null;
  const domain = email
    .trim()
    .toLowerCase()
    .slice(at + 1)
    .replace(/\.$/, '');
  return domain && !PUBLIC_MAIL_DOMAINS.has(domain) ? domain : null;
}

/** Digits only; a leading +82 becomes 0 (010-1234-5678, +82 10 1234 5678 and 01012345678 are one number); fewer than 8 digits is no number. */
export function normalisePhone(phone: string | null | undefined): string | null {
  let digits = (phone ?? '').replace(/\D/g, '');
  if (digits.startsWith('82') && digits.length >= 10) digits = `0${digits.slice(2)}`;
  return digits.length >= 8 ? digits : null;
}

/** Lower case, without scheme, `www.`, path and trailing slash: `https://www.Acme.co.kr/` → `acme.co.kr`. */
export function normaliseWebsite(url: string | null | undefined): string | null {
  const host = (url ?? '')
    .trim()
    .toLowerCase()
    .replace(/^[a-z][a-z0-9+.-]*:\/\//, '')
    .replace(/^www\./, '')
    .split(/[/?#]/)[0]
    .replace(/:\d+$/, '')
    .replace(/\.$/, '');
  return host.includes('.') ? host : null;
}

/** An organization name without its legal form, spaces, punctuation, width or case: `(주) 에이아이랩` and `에이아이랩 주식회사` are one name. */
export function normaliseOrganizationName(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/㈜|\(주\)|\(유\)|주식회사|유한회사|\bco\.?,?\s*ltd\.?|\bcorp(oration)?\.?|\binc\.?|\bltd\.?|\bllc\b/g, '')
    .replace(/[\s\p{P}\p{S}]/gu, '');
}

/** Levenshtein distance, stopping early once it exceeds `max`. */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      best = Math.min(best, cur[j]);
    }
    if (best > max) return max + 1;
    prev = cur;
  }
  return prev[b.length];
}

/**
 * LOOKALIKE_NAME's rule on normalised names: equal, or within edit distance 1 for names of 4–7
 * characters and 2 for names of 8 or more (shorter names only when equal: 3-character Korean
 * names differ by one syllable all the time).
 */
export function namesLookAlike(a: string, b: string): { alike: boolean; distance: number } {
  if (!a || !b) return { alike: false, distance: Infinity };
  if (a === b) return { alike: true, distance: 0 };
  const len = Math.min(a.length, b.length);
  const max = len >= 8 ? 2 : len >= 4 ? 1 : 0;
  const distance = max ? editDistance(a, b, max) : Infinity;
  return { alike: distance <= max, distance };
}

/** SHARED_CONTACT: one signal per organization and shared value (e-mail domain, phone or website) used by other organizations too. */
export function sharedContacts(
  orgs: OrgFacts[],
  listings: Array<{ organizationId: string; contactEmail: string | null; contactPhone: string | null }>,
): DetectedSignal[] {
  const byValue = new Map<string, { type: string; value: string; orgs: Map<string, Set<string>> }>();
  const add = (orgId: string, type: 'email-domain' | 'phone' | 'website', value: string | null, source: string) => {
    if (!value) return;
    const key = `${type}:${value}`;
    const entry = byValue.get(key) ?? { type, value, orgs: new Map() };
    byValue.set(key, entry);
    (entry.orgs.get(orgId) ?? entry.orgs.set(orgId, new Set()).get(orgId)!).add(source);
  };
  const known = new Set(orgs.map((o) => o.id));
  for (const o of orgs) {
    add(o.id, 'website', normaliseWebsite(o.website), 'organization.website');
    for (const m of o.members) add(o.id, 'email-domain', emailDomain(m.email), 'member e-mail');
  }
  for (const l of listings) {
    if (!known.has(l.organizationId)) continue;
    add(l.organizationId, 'email-domain', emailDomain(l.contactEmail), 'listing contact e-mail');
    add(l.organizationId, 'phone', normalisePhone(l.contactPhone), 'listing contact phone');
  }
  const out: DetectedSignal[] = [];
  for (const { type, value, orgs: holders } of byValue.values()) {
    if (holders.size < 2) continue;
    for (const [orgId, sources] of holders) {
      out.push({
        organizationId: orgId,
        kind: 'SHARED_CONTACT',
        relatedOrganizationIds: [...holders.keys()].filter((id) => id !== orgId).sort(),
        evidence: { type, value, sources: [...sources].sort() },
        fingerprint: `SHARED_CONTACT:${orgId}:${type}:${value}`,
      });
    }
  }
  return out;
}

/** LOOKALIKE_NAME: an organization (not itself verified) whose Korean or English name looks like a verified organization's. */
export function lookalikeNames(candidates: OrgFacts[], verified: OrgFacts[]): DetectedSignal[] {
  const out: DetectedSignal[] = [];
  const names = (o: OrgFacts) => [o.nameKo, o.nameEn].filter((n): n is string => !!n).map(normaliseOrganizationName);
  for (const o of candidates) {
    if (o.verified) continue;
    for (const v of verified) {
      if (v.id === o.id) continue;
      let match: { name: string; verifiedName: string; distance: number } | null = null;
      for (const a of names(o))
        for (const b of names(v)) {
          const r = namesLookAlike(a, b);
          if (r.alike && (!match || r.distance < match.distance)) match = { name: a, verifiedName: b, distance: r.distance };
        }
      if (!match) continue;
      out.push({
        organizationId: o.id,
        kind: 'LOOKALIKE_NAME',
        relatedOrganizationIds: [v.id],
        evidence: {
          name: o.nameKo,
          verifiedName: v.nameKo,
          normalised: match.name,
          verifiedNormalised: match.verifiedName,
          distance: match.distance,
        },
        fingerprint: `LOOKALIKE_NAME:${o.id}:${v.id}`,
      });
    }
  }
  return out;
}

/** Groups of items within `windowMs` of the group's first one that reach `min` (a sliding window over the sorted times). */
function bursts<T>(items: T[], at: (t: T) => Date, windowMs: number, min: number): T[][] {
  const sorted = [...items].sort((a, b) => at(a).getTime() - at(b).getTime());
  const groups: T[][] = [];
  let start = 0;
  for (let end = 0; end < sorted.length; end++) {
    while (at(sorted[end]).getTime() - at(sorted[start]).getTime() > windowMs) start++;
    if (end - start + 1 >= min) {
      const last = groups[groups.length - 1];
      const group = sorted.slice(start, end + 1);
      if (last && group.some((g) => last.includes(g))) groups[groups.length - 1] = [...new Set([...last, ...group])];
      else groups.push(group);
    }
  }
  return groups;
}

/** BURST_REGISTRATION: organizations created by one account, or accounts signed up from one address, in a short time. */
export function burstRegistrations(orgs: OrgFacts[], th: TrustThresholds): DetectedSignal[] {
  const out: DetectedSignal[] = [];
  const byAccount = new Map<string, OrgFacts[]>();
  for (const o of orgs) if (o.createdByUserId) byAccount.set(o.createdByUserId, [...(byAccount.get(o.createdByUserId) ?? []), o]);
  for (const [account, list] of byAccount) {
    for (const group of bursts(list, (o) => o.createdAt, th.orgWindowMs, th.orgsPerAccount)) {
      const first = group[0].createdAt.toISOString();
      for (const o of group)
        out.push({
          organizationId: o.id,
          kind: 'BURST_REGISTRATION',
          relatedOrganizationIds: group
            .filter((g) => g.id !== o.id)
            .map((g) => g.id)
            .sort(),
          evidence: {
            rule: 'organizations-per-account',
            accountUserId: account,
            count: group.length,
            from: first,
            to: group[group.length - 1].createdAt.toISOString(),
            threshold: th.orgsPerAccount,
            windowHours: th.orgWindowMs / 3_600_000,
          },
          fingerprint: `BURST_REGISTRATION:${o.id}:account:${account}:${first}`,
        });
    }
  }
  const accounts = new Map<string, { userId: string; at: Date; orgIds: Set<string> }>();
  for (const o of orgs)
    for (const m of o.members) {
      if (!m.signupIp) continue;
      const a = accounts.get(m.userId) ?? { userId: m.userId, at: m.signedUpAt, orgIds: new Set<string>() };
      a.orgIds.add(o.id);
      accounts.set(m.userId, a);
    }
  const byAddress = new Map<string, Array<{ userId: string; at: Date; orgIds: Set<string> }>>();
  for (const o of orgs)
    for (const m of o.members)
      if (m.signupIp) byAddress.set(m.signupIp, [...new Set([...(byAddress.get(m.signupIp) ?? []), accounts.get(m.userId)!])]);
  for (const [address, list] of byAddress) {
    for (const group of bursts(list, (a) => a.at, th.accountWindowMs, th.accountsPerAddress)) {
      const orgIds = [...new Set(group.flatMap((a) => [...a.orgIds]))].sort();
      const first = group[0].at.toISOString();
      for (const id of orgIds)
        out.push({
          organizationId: id,
          kind: 'BURST_REGISTRATION',
          relatedOrganizationIds: orgIds.filter((x) => x !== id),
          evidence: {
            rule: 'accounts-per-address',
            address,
            accounts: group.length,
            from: first,
            to: group[group.length - 1].at.toISOString(),
            threshold: th.accountsPerAddress,
            windowHours: th.accountWindowMs / 3_600_000,
          },
          fingerprint: `BURST_REGISTRATION:${id}:address:${address}:${first}`,
        });
    }
  }
  return out;
}

/** USER_REPORTS: at least `threshold` reports against the organization's chat messages and reviews together. */
export function userReports(
  counts: Array<{ organizationId: string; source: 'chat' | 'reviews'; reports: number }>,
  threshold: number,
): DetectedSignal[] {
  const per = new Map<string, { chat: number; reviews: number }>();
  for (const c of counts) {
    const e = per.get(c.organizationId) ?? { chat: 0, reviews: 0 };
    e[c.source] += c.reports;
    per.set(c.organizationId, e);
  }
  return [...per]
    .filter(([, e]) => e.chat + e.reviews >= threshold)
    .map(([organizationId, e]) => ({
      organizationId,
      kind: 'USER_REPORTS' as const,
      relatedOrganizationIds: [],
      evidence: { chatReports: e.chat, reviewReports: e.reviews, threshold },
      fingerprint: `USER_REPORTS:${organizationId}`,
    }));
}

/** NEAR_DUPLICATE_TEXT: bids or listings of DIFFERENT organizations with near-identical texts (pairs, both sides flagged). */
export function nearDuplicateTexts(
  texts: Array<{ type: 'bid' | 'listing'; id: string; organizationId: string; text: string }>,
  th: TrustThresholds,
  similarity: (a: string, b: string) => number = exactSimilarity,
): DetectedSignal[] {
  const out: DetectedSignal[] = [];
  const long = texts.filter((t) => t.text.trim().length >= th.minTextLength);
  for (let i = 0; i < long.length; i++)
    for (let j = i + 1; j < long.length; j++) {
      const a = long[i];
      const b = long[j];
      if (a.organizationId === b.organizationId || a.type !== b.type) continue;
      const score = similarity(a.text, b.text);
      if (score < th.similarity) continue;
      for (const [x, y] of [
        [a, b],
        [b, a],
      ] as const)
        out.push({
          organizationId: x.organizationId,
          kind: 'NEAR_DUPLICATE_TEXT',
          relatedOrganizationIds: [y.organizationId],
          evidence: { type: x.type, id: x.id, otherId: y.id, similarity: Math.round(score * 1000) / 1000, threshold: th.similarity },
          fingerprint: `NEAR_DUPLICATE_TEXT:${x.organizationId}:${x.type}:${x.id}:${y.id}`,
        });
    }
  return out;
}
