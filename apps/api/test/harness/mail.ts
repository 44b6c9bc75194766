import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { settleOutbox, type TestApp } from './test-app';

/** One `.eml` file the outbox mailer wrote, decoded. */
export interface ReceivedMail {
  file: string;
  to: string;
  subject: string;
  text: string;
  /** Every http(s) link in the text, in order. */
  links: string[];
  /** The value of `?token=` (or `&token=`) in the first link that has one. */
  token?: string;
  writtenAt: number;
}

/** Decodes RFC 2047 `=?UTF-8?B?…?=` words (what renderEml writes for non-ASCII headers). */
function decodeHeader(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?UTF-8\?B\?([^?]*)\?=/gi, (_, b64: string) => Buffer.from(b64, 'base64').toString('utf8'));
}

/** Reads one `.eml` file (headers, base64 UTF-8 body) as the mail a person would see. */
export function readEml(path: string): ReceivedMail {
  const raw = readFileSync(path, 'utf8');
  const split = raw.indexOf('\r\n\r\n');
  // Unfold continuation lines (RFC 5322 §2.2.3), then read one header by name.
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const header = (name: string) => new RegExp(`^${name}: (.*)$`, 'mi').exec(head)?.[1] ?? '';
  const text = Buffer.from(raw.slice(split + 4).replace(/\r\n/g, ''), 'base64')
    .toString('utf8')
    .replace(/\r\n/g, '\n');
  const links = [...text.matchAll(/https?:\/\/[^\s<>"]+/g)].map((m) => m[0]);
  const withToken = links.find((l) => /[?&]token=/.test(l));
  return {
    file: path,
    to: /<([^<>]+)>/.exec(header('To'))?.[1] ?? header('To'),
    subject: decodeHeader(header('Subject')),
    text,
    links,
    token: withToken ? (new URL(withToken).searchParams.get('token') ?? undefined) : undefined,
    writtenAt: statSync(path).mtimeMs,
  };
}

/** Every mail written to `email` so far (oldest first), optionally only those whose subject or text matches. */
export function mailsTo(t: TestApp, email: string, match?: RegExp): ReceivedMail[] {
  const dir = t.config.MAIL_DIR;
  if (!dir) return [];
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.eml'));
  } catch {
    return [];
  }
  const wanted = email.toLowerCase();
  return files
    .map((f) => join(dir, f))
    .filter((p) => readFileSync(p, 'utf8').toLowerCase().includes(`<${wanted}>`))
    .map(readEml)
    .filter((m) => m.to.toLowerCase() === wanted && (!match || match.test(m.subject) || match.test(m.text)))
    .sort((a, b) => a.writtenAt - b.writtenAt);
}

/**
 * Waits for the newest mail to `email` (matching `match`, written after `after` mails to that
 * address already existed), draining the outbox meanwhile. Use it the way a person opens their
 * mailbox: `const mail = await mailTo(t, user.email, { match: /인증|verify/i })`.
 */
export async function mailTo(
  t: TestApp,
  email: string,
  options: { match?: RegExp; after?: number; timeoutMs?: number } = {},
): Promise<ReceivedMail> {
  const until = Date.now() + (options.timeoutMs ?? 10_000);
  for (;;) {
    await settleOutbox(t, Math.max(until - Date.now(), 100)).catch(() => undefined);
    const found = mailsTo(t, email, options.match);
    if (found.length > (options.after ?? 0)) return found[found.length - 1];
    if (Date.now() > until) {
      throw new Error(`no mail to ${email}${options.match ? ` matching ${options.match}` : ''} after ${options.after ?? 0}`);
    }
    await new Promise((r) => setTimeout(r, 25));
  }
}
