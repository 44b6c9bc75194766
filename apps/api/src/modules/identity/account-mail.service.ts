import type { Locale } from '@aimatch/contracts';
import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../../common/clock';
import { Mailer } from '../../common/mail/mailer';
import { APP_CONFIG } from '../../config/config.module';
import type { AppConfig } from '../../config/config.schema';
import type { OutboxEventEntity } from '../../database/outbox/outbox-event.entity';
import { OutboxDispatcher } from '../../database/outbox/outbox.dispatcher';
import { OutboxService } from '../../database/outbox/outbox.service';

export const ACCOUNT_MAIL_EVENT = 'account.mail';

/** An account e-mail as queued: what kind, to whom, in which language, and the kind's own parameters. */
export interface AccountMailRequest {
  /** The composer that writes it (registered by the service that owns the flow, e.g. 'verify-email'). */
  kind: string;
  /** The account it concerns (null for mail to an address without an account, e.g. an invitation). */
  userId: string | null;
  to: string;
  toName?: string;
  locale: Locale;
  /** Plain JSON; never a secret (tokens are made when the mail is written, by the composer). */
  params?: Record<string, string | number | boolean | null>;
}

export interface ComposedMail {
  subject: string;
  text: string;
}

export interface MailContext {
  locale: 'ko' | 'en';
  /** An absolute link into the web client (PUBLIC_URL, or localhost:PORT in development). */
  link(path: string, query?: Record<string, string>): string;
}

/** Writes one kind of account mail at send time; null skips it (e.g. the account is gone or already verified). */
export type MailComposer = (request: AccountMailRequest, context: MailContext) => Promise<ComposedMail | null>;

/**
 * The one path of account e-mail (verification, password reset, invitations, notices to an
 * account's owner). A flow queues a request in its own transaction (`enqueue`); the outbox
 * hands it to the kind's composer, which may create a one-time token then (so that no raw token
 * is ever stored, not even in the outbox), and the Mailer delivers it once per outbox event id.
 * The mail is written in the request's language.
 */
@Injectable()
export class AccountMailService implements OnModuleInit {
  private readonly logger = new Logger('AccountMail');
  private readonly composers = new Map<string, MailComposer>();

  constructor(
    private readonly outbox: OutboxService,
    private readonly dispatcher: OutboxDispatcher,
    private readonly mailer: Mailer,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.dispatcher.register(ACCOUNT_MAIL_EVENT, (e) => this.deliver(e));
  }

  /** Registers the composer of `kind` (once, from the owning service's constructor or onModuleInit). */
  register(kind: string, composer: MailComposer): void {
    if (this.composers.has(kind)) throw new Error(`account mail kind ${kind} registered twice`);
    this.composers.set(kind, composer);
  }

  /** Queues the mail in the caller's transaction: it is sent only if that transaction commits. */
  async enqueue(tx: EntityManager, request: AccountMailRequest): Promise<void> {
    await this.outbox.enqueue(tx, {
      aggregateType: 'account-mail',
      aggregateId: request.userId ?? request.to,
      eventType: ACCOUNT_MAIL_EVENT,
      payload: request as unknown as Record<string, unknown>,
    });
  }

  private async deliver(event: OutboxEventEntity): Promise<void> {
    const request = event.payload as unknown as AccountMailRequest;
    const composer = this.composers.get(request.kind);
    if (!composer) throw new Error(`no composer for account mail kind ${request.kind}`);
    const locale = request.locale === 'EN' ? 'en' : 'ko';
    const base = (this.config.PUBLIC_URL ?? `http://localhost:${this.config.PORT}`).replace(/\/$/, '');
    const link = (path: string, query?: Record<string, string>) =>
      `${base}/${path.replace(/^\//, '')}${query ? `?${new URLSearchParams(query).toString()}` : ''}`;
    const mail = await composer(request, { locale, link });
    if (!mail) return;
    const where = await this.mailer.send({
      id: `account-${event.id}`,
      to: request.to,
      toName: request.toName,
      subject: `[aimatch] ${mail.subject}`.slice(0, 200),
      text: mail.text,
      date: this.clock.now(),
    });
    this.logger.debug(`${request.kind} mail → ${where}`);
  }
}
