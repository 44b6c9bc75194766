import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { mkdir, rename, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { createTransport, type Transporter } from 'nodemailer';
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
    `From: ${address(envelopeAddress(from), /^\s*"?([^"<]*?)"?\s*</.exec(from)?.[1] || undefined)}`,
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

/** The bare address of a `Name <addr>` or `addr` header value (for the SMTP envelope). */
export function envelopeAddress(value: string): string {
  return (/<([^<>\s]+)>/.exec(value)?.[1] ?? value).trim();
}

/** SMTP_URL without its password, for logs. */
function redacted(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'smtp';
  }
}

/**
 * The outbox mailer. With SMTP_URL (`smtp://` with opportunistic STARTTLS, `smtps://` for
 * implicit TLS, credentials in the URL) each message is sent as the same RFC 822 text through
 * nodemailer's SMTP transport; a refused or failed delivery throws, so the outbox retries the
 * event and parks it after its attempts. Receivers can deduplicate a retried delivery by its
 * Message-ID (`<notification id@domain>`); the notification's `emailed_at` stops resends once
 * a delivery is recorded.
 *
 * Without SMTP_URL it writes each message as `<MAIL_DIR>/<id>.eml` (MAIL_DIR defaults to
 * `<DATA_DIR>/mail`): written to a temporary name and renamed, and skipped when the file
 * exists, so a retried event leaves one message.
 */
@Injectable()
export class Mailer implements OnModuleDestroy {
  private readonly logger = new Logger('Mailer');
  readonly directory: string;
  private readonly smtp: Transporter | null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.directory = resolve(config.MAIL_DIR ?? join(config.DATA_DIR, 'mail'));
    this.smtp = config.SMTP_URL
      ? createTransport({ url: config.SMTP_URL, connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 60_000 })
      : null;
    if (config.SMTP_URL) this.logger.log(`sending e-mail through ${redacted(config.SMTP_URL)}`);
  }

  onModuleDestroy(): void {
    this.smtp?.close();
  }

  /** Delivers the message (once per id for files); returns where it went (the file, or `smtp:<Message-ID>`). */
  async send(message: MailMessage): Promise<string> {
    if (!/^[0-9a-zA-Z-]{1,100}$/.test(message.id)) throw new Error(`bad mail id ${message.id}`);
    return this.smtp ? this.sendSmtp(this.smtp, message) : this.writeFile(message);
  }

  private async sendSmtp(smtp: Transporter, message: MailMessage): Promise<string> {
    const raw = renderEml(message, this.config.MAIL_FROM);
    const to = envelopeAddress(message.to.replace(/[\r\n<>]/g, ''));
    const info = await smtp.sendMail({ envelope: { from: envelopeAddress(this.config.MAIL_FROM), to: [to] }, raw });
    if (info.rejected?.length)
      throw new Error(`SMTP server rejected ${info.rejected.length} recipient(s) of ${message.id}: ${String(info.response ?? '')}`);
    return `smtp:${info.messageId ?? message.id}`;
  }

  private async writeFile(message: MailMessage): Promise<string> {
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
