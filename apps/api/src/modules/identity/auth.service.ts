import { ErrorCode, MembershipRole, VerificationStatus } from '@aimatch/contracts';
import { checkPasswordStrength, parseInput, type RuleViolation } from '@aimatch/validation';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { AppError } from '../../common/errors/app-error';
import { uniqueViolation } from '../../common/errors/pg-errors';
import { RateLimiter } from '../../common/rate-limit/rate-limit.service';
import { OutboxService } from '../../database/outbox/outbox.service';
import { TransactionService } from '../../database/transaction.service';
import { VocabularyService } from '../vocabulary/vocabulary.service';
import type { SignInInput, SignUpInput, UpdateMeInput } from './dto/identity.inputs';
import type { MembershipEntity } from './entities/membership.entity';
import type { UserEntity } from './entities/user.entity';
import { IdentityRepository } from './identity.repository';
import { signInSchema, signUpSchema, updateMeSchema } from './identity.schemas';
import { InvitationService } from './invitation.service';
import { PasswordHasher } from './password-hasher';
import { ConsentService } from './consent.service';
import { EmailVerificationService, type SignUpResult } from './email-verification.service';
import { type IssuedSession, SessionService } from './session.service';
import { TwoFactorService } from './two-factor.service';

/** Sign-up and sign-in. Every check happens before the one transaction that writes. */
@Injectable()
export class AuthService {
  constructor(
    private readonly repository: IdentityRepository,
    private readonly sessions: SessionService,
    private readonly invitations: InvitationService,
    private readonly vocabulary: VocabularyService,
    private readonly hasher: PasswordHasher,
    private readonly transactions: TransactionService,
    private readonly outbox: OutboxService,
    private readonly rateLimit: RateLimiter,
    private readonly consents: ConsentService,
    private readonly twoFactor: TwoFactorService,
    private readonly verification: EmailVerificationService,
  ) {}

  /**
   * Answers the same whether or not the address has an account (so sign-up reveals no registered
   * e-mails): a new address gets an unverified account and a verification mail; a registered
   * one gets nothing created and a notice mailed to its owner. Other input errors answer as usual.
   */
  async signUp(raw: SignUpInput, ip: string): Promise<SignUpResult> {
    await this.rateLimit.consume('auth-ip', ip);
    const parsed = parseInput(signUpSchema(), raw);
    // Missing or stale consents are named together with the form's other mistakes.
    if (!parsed.ok) {
      // The password's strength too, when its shape was fine: every mistake in one answer.
      const password = typeof raw.password === 'string' && !parsed.violations.some((v) => v.path === 'password') ? raw.password : null;
      const strength = password === null ? [] : await checkPasswordStrength(password, typeof raw.email === 'string' ? raw.email : '');
      throw AppError.badInput([...parsed.violations, ...strength, ...this.consents.signUpViolations(raw.consents)]);
    }
    const input = parsed.value;
    const violations: RuleViolation[] = [...(await checkPasswordStrength(input.password, input.email))];
    const org = input.organization;
    if (org) {
      violations.push(
        ...(await this.vocabulary.checkReferences([
          { path: 'organization.regionId', id: org.regionId ?? '', scheme: 'region' },
          { path: 'organization.industryId', id: org.industryId ?? '', scheme: 'industry' },
        ])),
      );
      if (await this.repository.brnTaken(org.businessRegistrationNumber)) {
        violations.push({ path: 'organization.businessRegistrationNumber', rule: 'unique' });
      }
    }
    const registered = await this.repository.findUserByEmailWithPassword(input.email);
    violations.push(...this.consents.signUpViolations(raw.consents));
    if (violations.length) throw AppError.badInput(violations);

    if (registered && input.invitationToken) await this.invitations.assertAcceptable(input.invitationToken, input.email, 'invitationToken');
    // Hashed in both cases, so that a registered address does not answer faster.
    const passwordHash = await this.hasher.hash(input.password);
    const result: SignUpResult = { email: input.email, verificationSent: true };
    if (registered) {
      await this.verification.queueSignUpAttempt(registered);
      return result;
    }
    try {
      await this.transactions.run(async (tx) => {
        const user = await this.repository.insertUser(tx, {
          email: input.email,
          passwordHash,
          displayName: input.displayName,
          locale: input.locale,
          platformRoles: [],
          signupIp: ip.slice(0, 64),
        });
        await this.consents.record(tx, user.id, raw.consents ?? [], ip.slice(0, 64));
        if (org) {
          const organization = await this.repository.insertOrganization(tx, {
            ...org,
            kind: org.kind as never,
            verificationStatus: VerificationStatus.UNVERIFIED,
            createdByUserId: user.id,
            createdFromIp: ip.slice(0, 64),
          });
          await this.repository.insertMembership(tx, { userId: user.id, organizationId: organization.id, role: MembershipRole.OWNER });
          await this.outbox.enqueue(tx, {
            aggregateType: 'organization',
            aggregateId: organization.id,
            eventType: 'organization.registered',
            payload: { organizationId: organization.id, ownerUserId: user.id, kind: organization.kind },
          });
        } else {
          await this.invitations.acceptInTransaction(tx, input.invitationToken!, user.id, user.email, 'invitationToken');
        }
        // The invitation was mailed to this very address (acceptance checks it): that proves it.
        if (org) await this.verification.queueVerification(tx, user);
        else await this.verification.markVerified(tx, user.id);
        await this.outbox.enqueue(tx, {
          aggregateType: 'user',
          aggregateId: user.id,
          eventType: 'user.signed-up',
          payload: { userId: user.id, locale: user.locale },
        });
      });
      return result;
    } catch (err) {
      // Lost a race with a concurrent sign-up: the constraint, not the pre-check, is the truth.
      const constraint = uniqueViolation(err);
      if (constraint === 'users_email_unique') return result;
      if (constraint === 'organizations_brn_unique') throw AppError.field('organization.businessRegistrationNumber', 'unique');
      throw err;
    }
  }

  async signIn(raw: SignInInput, ip: string): Promise<IssuedSession> {
    const parsed = parseInput(signInSchema, raw);
    if (!parsed.ok) throw AppError.badInput(parsed.violations);
    await this.rateLimit.consume('auth-ip', ip);
    // Failures only, per account AND address: wrong passwords typed elsewhere never lock the owner out,
    // and past the free failures each attempt waits longer (1 s, 2 s, 4 s … 15 min) instead of being refused
    // outright: the right password after the wait signs in and forgets the failures.
    const accountKey = `${parsed.value.email}|${ip}`;
    await this.rateLimit.claimAttempt('signin-account', accountKey);
    const user = await this.repository.findUserByEmailWithPassword(parsed.value.email);
    const ok = await this.hasher.verify(user?.passwordHash ?? null, parsed.value.password);
    if (!user || !ok) {
      await this.rateLimit.recordFailure('signin-account', accountKey);
      throw AppError.unauthenticated('invalid-credentials');
    }
    // Staff with an authenticator: the second factor, checked after the password; wrong codes count as failures.
    const { totpCode, recoveryCode } = parsed.value;
    const secondFactor = await this.twoFactor.requiredAtSignIn(user.id, user.platformRoles);
    if (secondFactor && !totpCode && !recoveryCode) throw twoFactorError('two-factor-required');
    const session = await this.transactions.run(async (tx: EntityManager) => {
      if (secondFactor && !(await this.twoFactor.verifyAtSignIn(tx, user.id, { totpCode, recoveryCode }))) return null;
      const familyId = randomUUID();
      const issued = await this.sessions.issue(tx, user.id, familyId);
      if (secondFactor) await this.twoFactor.markSession(tx, familyId);
      return issued;
    });
    if (!session) {
      await this.rateLimit.recordFailure('signin-account', accountKey);
      throw twoFactorError('two-factor-invalid');
    }
    await this.rateLimit.clearFailures('signin-account', accountKey);
    return session;
  }

  async refresh(refreshToken: string, ip: string): Promise<IssuedSession> {
    await this.rateLimit.consume('auth-refresh', ip);
    return this.sessions.refresh(refreshToken);
  }

  /** Changes the signed-in user's display name or language. */
  async updateMe(userId: string, raw: UpdateMeInput): Promise<void> {
    const parsed = parseInput(updateMeSchema, raw);
    if (!parsed.ok) throw AppError.badInput(parsed.violations);
    const patch = Object.fromEntries(Object.entries(parsed.value).filter(([, v]) => v !== undefined));
    if (Object.keys(patch).length) await this.repository.updateUser(userId, patch);
  }

  /** The signed-in user with their memberships (oldest first). */
  async me(userId: string): Promise<{ user: UserEntity & { emailVerified: boolean }; memberships: MembershipEntity[] }> {
    const [user, memberships] = await Promise.all([this.repository.findUser(userId), this.repository.membershipsOfUser(userId)]);
    if (!user) throw AppError.unauthenticated();
    return { user: Object.assign(user, { emailVerified: user.emailVerifiedAt !== null }), memberships };
  }
}

/** UNAUTHENTICATED with `extensions.reason` naming the second-factor step, so the sign-in page can ask for the code. */
function twoFactorError(reason: 'two-factor-required' | 'two-factor-invalid'): AppError {
  return new AppError(ErrorCode.UNAUTHENTICATED, reason, [], undefined, { reason });
}
