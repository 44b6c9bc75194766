import { Global, Module } from '@nestjs/common';
import { Mailer } from './mailer';

/** The one outbox mailer (SMTP or `.eml` files), for notifications and account mail alike. */
@Global()
@Module({ providers: [Mailer], exports: [Mailer] })
export class MailModule {}
