import { checkPasswordStrength, parseInput, type RuleViolation } from '@aimatch/validation';
import { Inject, Injectable } from '@nestjs/common';
import { z } from 'zod';
import { Clock } from '../../common/clock';
import { AppError } from '../../common/errors/app-error';
import { RateLimiter } from '../../common/rate-limit/rate-limit.service';
import { APP_CONFIG } from '../../config/config.module';
import type { AppConfig } from '../../config/config.schema';
import { TransactionService } from '../../database/transaction.service';
import type { Viewer } from '../../graphql/request-context';
import { AccountMailService, type ComposedMail, type MailContext } from './account-mail.service';
import { AccountTokenService } from './account-token.service';
import { IdentityRepository } from './identity.repository';
import { emailSchema } from './identity.schemas';
import { PasswordHasher } from './password-hasher';
import { SessionService } from './session.service';

const RESET_MAIL = 'reset-password';
const CHANGED_MAIL = 'password-changed';
/** Longest password text looked at (the policy's maximum is far below; argon2 never sees more). */
const MAX_PASSWORD_INPUT = 1024;

const requestSchema = z.object({ email: emailSchema });

/**
 * Password reset (by a mailed one-time link) and change (signed in). Both end sessions through
 * SessionService.revoke (a reset: every session; a change: every other one) and mail the owner a
 * notice. A reset request answers the same whether or not the address has an account.
 */
@Injectable()
export class PasswordService {
  constructor(
    private readonly repository: IdentityRepository,
    private readonly tokens: AccountTokenService,
    private readonly mail: AccountMailService,
    private readonly sessions: SessionService,
    private readonly hasher: PasswordHasher,
    private readonly transactions: TransactionService,
    private readonly rateLimit: RateLimiter,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.mail.register(RESET_MAIL, (request, context) => this.composeReset(request.userId, request.to, context));
    this.mail.register(CHANGED_MAIL, (_request, context) => Promise.resolve(changedMail(context)));
  }

  /**
   * Mails a reset link to the address if it has an account; answers true either way, after the
   * same work (one transaction; the mail and its token are made later, by the outbox), so neither
   * the answer nor its timing tells whether the address is registered. Limited per client
   * address and per e-mail address.
   */
  async requestPasswordReset(rawEmail: string, ip: string): Promise<true> {
    const parsed = parseInput(requestSchema, { email: rawEmail });
    if (!parsed.ok) throw AppError.badInput(parsed.violations);
    const { email } = parsed.value;
    await this.rateLimit.consume('password-reset-ip', ip);
    await this.rateLimit.consume('password-reset-email', email);
    const user = await this.repository.findUserByEmailWithPassword(email);
    await this.transactions.run(async (tx) => {
      if (user) await this.mail.enqueue(tx, { kind: RESET_MAIL, userId: user.id, to: user.email, locale: user.locale, params: {} });
    });
    return true;
  }

  /**
   * Sets a new password with a mailed reset link: the token is used (and the user's other reset
   * links retired), every session of the user is revoked, the owner gets a notice, and the
   * address counts as verified (the link reached it). A bad link: BAD_USER_INPUT on `token`.
   */
  async resetPassword(token: string, newPassword: string, ip: string): Promise<true> {
    await this.rateLimit.consume('auth-ip', ip);
    const password = newPassword.slice(0, MAX_PASSWORD_INPUT);
    await this.transactions.run(async (tx) => {
      const used = await this.tokens.use(tx, token, 'RESET_PASSWORD');
      if (!used) throw AppError.field('token', 'invalid-or-expired');
      // A refused password rolls the transaction back: the link still works for another try.
      const violations = await passwordViolations(password, used.email, 'newPassword');
      if (violations.length) throw AppError.badInput(violations);
      const user = await this.repository.findUser(used.userId);
      if (!user) throw AppError.field('token', 'invalid-or-expired');
      const now = this.clock.now();
      await this.repository.setPasswordHash(tx, user.id, await this.hasher.hash(password), now, now);
      await this.sessions.revoke(tx, { userId: user.id, allExcept: null });
      await this.mail.enqueue(tx, { kind: CHANGED_MAIL, userId: user.id, to: user.email, locale: user.locale, params: {} });
    });
    return true;
  }

  /**
   * Changes the signed-in user's password. A wrong current password is BAD_USER_INPUT on
   * `currentPassword` and counts as a failed sign-in (same policy, per account and address), so
   * a stolen session cannot guess it. Every OTHER session of the user is revoked; the owner gets a notice.
   */
  async changePassword(viewer: Viewer, currentPassword: string, newPassword: string, ip: string): Promise<true> {
    const user = await this.repository.findUserWithPassword(viewer.userId);
    if (!user) throw AppError.unauthenticated();
    const accountKey = `${user.email}|${ip}`;
    await this.rateLimit.claimAttempt('signin-account', accountKey);
    if (!(await this.hasher.verify(user.passwordHash, currentPassword.slice(0, MAX_PASSWORD_INPUT)))) {
      await this.rateLimit.recordFailure('signin-account', accountKey);
      throw AppError.field('currentPassword', 'password-incorrect');
    }
    await this.rateLimit.clearFailures('signin-account', accountKey);
    const password = newPassword.slice(0, MAX_PASSWORD_INPUT);
    const violations = await passwordViolations(password, user.email, 'newPassword');
    if (!violations.length && password === currentPassword) violations.push({ path: 'newPassword', rule: 'same-as-current' });
    if (violations.length) throw AppError.badInput(violations);
    const passwordHash = await this.hasher.hash(password);
    await this.transactions.run(async (tx) => {
      await this.repository.setPasswordHash(tx, user.id, passwordHash, this.clock.now());
      await this.tokens.retireAll(tx, user.id, 'RESET_PASSWORD');
      await this.sessions.revoke(tx, { userId: user.id, allExcept: viewer.sessionId });
      await this.mail.enqueue(tx, { kind: CHANGED_MAIL, userId: user.id, to: user.email, locale: user.locale, params: {} });
    });
    return true;
  }

  /** The reset mail, written at send time: the token is issued now (never stored raw, not even in the outbox). */
  private async composeReset(userId: string | null, to: string, context: MailContext): Promise<ComposedMail | null> {
    const user = userId ? await this.repository.findUser(userId) : null;
    // Gone, or the address changed since the request: the link would not work anyway.
    if (!user || user.email !== to) return null;
    const ttl = this.config.PASSWORD_RESET_TTL_SECONDS;
    const token = await this.transactions.run((tx) => this.tokens.issue(tx, user.id, 'RESET_PASSWORD', user.email, ttl));
    const link = context.link('/reset-password', { token });
    const minutes = Math.round(ttl / 60);
    return context.locale === 'en'
      ? {
          subject: 'Reset your password',
          text: `Someone (hopefully you) asked to reset the password of your aimatch account.\n\nChoose a new password here (the link works for ${minutes} minutes, once):\n${link}\n\nIf you did not ask for this, ignore this mail: your password stays as it is.\n`,
        }
      : {
          subject: '비밀번호 재설정',
          text: `aimatch 계정의 비밀번호 재설정이 요청되었습니다.\n\n아래 링크에서 새 비밀번호를 설정하세요(${minutes}분 동안 한 번만 사용할 수 있습니다):\n${link}\n\n본인이 요청하지 않았다면 이 메일을 무시하세요. 비밀번호는 바뀌지 않습니다.\n`,
        };
  }
}

/** The password policy's verdict (length, deny list, e-mail, zxcvbn guessability), the one place reset and change ask it. */
function passwordViolations(password: string, email: string, path: string): Promise<RuleViolation[]> {
  return checkPasswordStrength(password, email, path);
}

function changedMail(context: MailContext): ComposedMail {
  const signIn = context.link('/signin');
  const forgot = context.link('/forgot-password');
  return context.locale === 'en'
    ? {
        subject: 'Your password was changed',
        text: `The password of your aimatch account was changed, and your other sessions were signed out.\n\nIf this was not you, reset your password at once: ${forgot}\nand check your account (${signIn}).\n`,
      }
    : {
        subject: '비밀번호가 변경되었습니다',
        text: `aimatch 계정의 비밀번호가 변경되었습니다. 다른 기기의 로그인은 모두 종료되었습니다.\n\n본인이 아니면 즉시 비밀번호를 재설정하세요: ${forgot}\n그리고 계정을 확인해 주세요(${signIn}).\n`,
      };
}
