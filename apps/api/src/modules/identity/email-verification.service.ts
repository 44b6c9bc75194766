import { ErrorCode } from '@aimatch/contracts';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../../common/clock';
import { AppError } from '../../common/errors/app-error';
import { RateLimiter } from '../../common/rate-limit/rate-limit.service';
import { APP_CONFIG } from '../../config/config.module';
import type { AppConfig } from '../../config/config.schema';
import { TransactionService } from '../../database/transaction.service';
import { type AccountMailRequest, AccountMailService, type ComposedMail, type MailContext } from './account-mail.service';
import { AccountTokenService } from './account-token.service';
import type { UserEntity } from './entities/user.entity';
import { IdentityRepository } from './identity.repository';

export const VERIFY_EMAIL_MAIL = 'verify-email';
export const SIGNUP_ATTEMPT_MAIL = 'signup-attempt';

/** What sign-up answers, the same whether or not the address already had an account. */
export interface SignUpResult {
  email: string;
  verificationSent: true;
}

/**
 * E-mail verification: the mail with a one-time link (issued when the mail is written, by the
 * composer), using the link, re-sending it (limited), and the notice to an address's owner when
 * somebody signs up with it again. Whether a user is verified is read from the database
 * (IdentityService.assertEmailVerified), so a verification takes effect without a new token.
 */
@Injectable()
export class EmailVerificationService {
  constructor(
    private readonly repository: IdentityRepository,
    private readonly tokens: AccountTokenService,
    private readonly mail: AccountMailService,
    private readonly transactions: TransactionService,
    private readonly rateLimit: RateLimiter,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.mail.register(VERIFY_EMAIL_MAIL, (request, context) => this.composeVerification(request, context));
    this.mail.register(SIGNUP_ATTEMPT_MAIL, (request, context) => Promise.resolve(composeSignUpAttempt(context)));
  }

  /** Queues the verification mail of a new (unverified) account in the caller's transaction. */
  queueVerification(tx: EntityManager, user: Pick<UserEntity, 'id' | 'email' | 'locale' | 'displayName'>): Promise<void> {
    return this.mail.enqueue(tx, {
      kind: VERIFY_EMAIL_MAIL,
      userId: user.id,
      to: user.email,
      toName: user.displayName,
      locale: user.locale,
    });
  }

  /**
   * Tells the owner of an address that somebody tried to sign up with it (nothing else is
   * written); at most 3 notices an hour, so repeated attempts cannot flood the owner's mailbox.
   */
  async queueSignUpAttempt(user: Pick<UserEntity, 'id' | 'email' | 'locale' | 'displayName'>): Promise<void> {
    const allowed = await this.rateLimit.consume('signup-attempt-mail', user.id).then(
      () => true,
      (err: unknown) => {
        if (err instanceof AppError && err.code === ErrorCode.RATE_LIMITED) return false;
        throw err;
      },
    );
    if (!allowed) return;
    await this.transactions.run((tx) =>
      this.mail.enqueue(tx, { kind: SIGNUP_ATTEMPT_MAIL, userId: user.id, to: user.email, toName: user.displayName, locale: user.locale }),
    );
  }

  /** Marks the address verified inside the caller's transaction (sign-up through an invitation mailed to it). */
  async markVerified(tx: EntityManager, userId: string): Promise<void> {
    await this.repository.markEmailVerified(tx, userId, this.clock.now());
  }

  /**
   * Uses a verification link (once; for the address the account still has). Does not sign in.
   * Unknown, used or expired links are a BAD_USER_INPUT on `token` (rule invalid-or-expired).
   */
  async verify(token: string): Promise<{ email: string; verified: true }> {
    // No auth budget spent: a link's 256 random bits cannot be guessed, and the per-address API limit still applies.
    const used = await this.transactions.run(async (tx) => {
      const proof = await this.tokens.use(tx, typeof token === 'string' ? token.trim() : '', 'VERIFY_EMAIL');
      if (proof) await this.repository.markEmailVerified(tx, proof.userId, this.clock.now());
      return proof;
    });
    if (!used) throw AppError.field('token', 'invalid-or-expired');
    return { email: used.email, verified: true };
  }

  /** Sends the signed-in user a new verification mail: CONFLICT when already verified, limited per user and address. */
  async resend(userId: string, ip: string): Promise<void> {
    await this.rateLimit.consume('auth-ip', ip);
    const user = await this.repository.findUser(userId);
    if (!user) throw AppError.unauthenticated();
    if (user.emailVerifiedAt) throw AppError.conflict('email-already-verified', { reason: 'already-verified' });
    await this.rateLimit.consume('verify-email-resend', userId);
    await this.transactions.run((tx) => this.queueVerification(tx, user));
  }

  /** Writes the verification mail at send time; skipped when the account is gone, verified, or has another address now. */
  private async composeVerification(request: AccountMailRequest, context: MailContext): Promise<ComposedMail | null> {
    if (!request.userId) return null;
    const userId = request.userId;
    const ttl = this.config.EMAIL_VERIFICATION_TTL_SECONDS;
    const token = await this.transactions.run(async (tx) => {
      const user = await this.repository.findUser(userId);
      if (!user || user.emailVerifiedAt || user.email.toLowerCase() !== request.to.toLowerCase()) return null;
      return this.tokens.issue(tx, user.id, 'VERIFY_EMAIL', user.email, ttl);
    });
    if (!token) return null;
    const link = context.link('/verify-email', { token });
    const hours = Math.round(ttl / 3600);
    return context.locale === 'en'
      ? {
          subject: 'Please verify your e-mail address',
          text: [
            'Welcome to aimatch.',
            '',
            'Open this link to verify your e-mail address. Until then you can browse and prepare drafts,',
            'but not send messages, bid or submit listings.',
            '',
            link,
            '',
            `The link works once and expires in ${hours} hours. If you did not sign up, ignore this mail.`,
          ].join('\n'),
        }
      : {
          subject: '이메일 주소를 인증해 주세요',
          text: [
            'aimatch에 가입해 주셔서 감사합니다.',
            '',
            '아래 링크를 열어 이메일 주소를 인증해 주세요. 인증 전에도 둘러보기와 초안 작성은 할 수 있지만,',
            '메시지 보내기·입찰·등록 건 제출은 인증 후에 할 수 있습니다.',
            '',
            link,
            '',
            `링크는 한 번만 쓸 수 있고 ${hours}시간 후 만료됩니다. 가입한 적이 없다면 이 메일을 무시하세요.`,
          ].join('\n'),
        };
  }
}

/** The notice to an address's owner when somebody signs up with it again. */
function composeSignUpAttempt(context: MailContext): ComposedMail {
  const signIn = context.link('/signin');
  const reset = context.link('/forgot-password');
  return context.locale === 'en'
    ? {
        subject: 'Someone tried to sign up with your address',
        text: [
          'Someone just tried to create an aimatch account with this e-mail address, which already has one.',
          'No new account was created.',
          '',
          `If it was you, sign in: ${signIn}`,
          `Forgot your password? Reset it: ${reset}`,
          '',
          'If it was not you, you can ignore this mail; your account is unchanged.',
        ].join('\n'),
      }
    : {
        subject: '회원님의 이메일 주소로 가입 시도가 있었습니다',
        text: [
          '이미 계정이 있는 이 이메일 주소로 누군가 aimatch 가입을 시도했습니다.',
          '새 계정은 만들어지지 않았습니다.',
          '',
          `본인이라면 로그인하세요: ${signIn}`,
          `비밀번호가 기억나지 않으면 재설정하세요: ${reset}`,
          '',
          '본인이 아니라면 이 메일은 무시하셔도 됩니다. 계정에는 아무 변화가 없습니다.',
        ].join('\n'),
      };
}
