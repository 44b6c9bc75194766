import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { mkdir, rename, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { APP_CONFIG } from '../../config/config.module';
import type { AppConfig } from '../../config/config.schema';

export interface MailMessage {
  /** Stable id of what is sent (the notification id): sending the same id twice delivers once. */
  id: string;
  to: string;
  toName?: string;
  subject: string;
  text: string;
  date: Date;
}

/** Encodes a header value as RFC 2047 UTF-8 base64 words when it is not plain ASCII. */
function encodeWord(value: string): string {
  if (/^[\x20-\x7e]*$/.test(value)) return value;
  // Keep each encoded word under 75 characters: 45 bytes of UTF-8 → 60 base64 characters.
  const words: string[] = [];
  let chunk = '';
  for (const ch of value) {
    if (Buffer.byteLength(chunk + ch) > 45) {
      words.push(chunk);
      chunk = '';
    }
    chunk += ch;
  }
  if (chunk) words.push(chunk);
  return words.map((w) => `=?UTF-8?B?${Buffer.from(w).toString('base64')}?=`).join('\r\n ');
}

function address(email: string, name?: string): string {
  const clean = email.replace(/[\r\n<>]/g, '');
  return name ? `${encodeWord(name.replace(/[\r\n"]/g, ''))} <${clean}>` : `<${clean}>`;
}

/** An RFC 822 / 5322 message (MIME, UTF-8 text in base64, CRLF line ends). */
export function renderEml(message: MailMessage, from: string): string {
  const domain = /@([^>\s]+)/.exec(from)?.[1] ?? 'aimatch.local';
  const body = Buffer.from(message.text.replace(/\r?\n/g, '\r\n')).toString('base64').replace(/.{76}/g, '$&\r\n');
  const headers = [
    `From: ${from.includes('<') ? from : `<${from}>`}`,
    `To: ${address(message.to, message.toName)}`,
    `Subject: ${encodeWord(message.subject.replace(/[\r\n]/g, ' '))}`,
    `Date: ${message.date.toUTCString().replace('GMT', '+0000')}`,
    `Message-ID: <${message.id}@${domain}>`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=UTF-8',
    'Content-Transfer-Encoding: base64',
    'Auto-Submitted: auto-generated',
  ];
  return `${headers.join('\r\n')}\r\n\r\n${body}\r\n`;
}

/**
 * The outbox mailer. By default it writes each message as `<MAIL_DIR>/<id>.eml` (MAIL_DIR
 * defaults to `<DATA_DIR>/mail`): written to a temporary name and renamed, and skipped when the
 * file exists, so a retried event leaves one message.
 *
 * TODO(production): SMTP_URL. No SMTP client is installed; an adapter (e.g. nodemailer's SMTP
 * transport keyed by Message-ID for idempotency) plugs in at `send`. Until then a configured
 * SMTP_URL is reported at start and messages still go to MAIL_DIR.
 */
@Injectable()
export class Mailer {
  private readonly logger = new Logger('Mailer');
  readonly directory: string;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.directory = resolve(config.MAIL_DIR ?? join(config.DATA_DIR, 'mail'));
    if (config.SMTP_URL) this.logger.warn(`SMTP_URL is set but no SMTP transport is built in yet; writing .eml files to ${this.directory}`);
  }

  /** Delivers once per message id; returns the file written (or already there). */
  async send(message: MailMessage): Promise<string> {
    if (!/^[0-9a-zA-Z-]{1,100}$/.test(message.id)) throw new Error(`bad mail id ${message.id}`);
    const file = join(this.directory, `${message.id}.eml`);
    if (await exists(file)) return file;
    await mkdir(this.directory, { recursive: true });
    const tmp = join(this.directory, `.${message.id}.${randomUUID()}.tmp`);
    await writeFile(tmp, renderEml(message, this.config.MAIL_FROM), { mode: 0o600 });
    await rename(tmp, file);
    return file;
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}
