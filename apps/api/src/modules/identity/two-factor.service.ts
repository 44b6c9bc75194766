import type { PlatformRole } from '@aimatch/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, randomInt } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../../common/audit/audit.service';
import { Clock } from '../../common/clock';
import { AppError } from '../../common/errors/app-error';
import { RateLimiter } from '../../common/rate-limit/rate-limit.service';
import { APP_CONFIG } from '../../config/config.module';
import type { AppConfig } from '../../config/config.schema';
import { TransactionService } from '../../database/transaction.service';
import type { Viewer } from '../../graphql/request-context';
import { IdentityRepository } from './identity.repository';
import { SECOND_FACTOR_ROLES } from './session.service';
import { TwoFactorRepository } from './two-factor.repository';

/** RFC 6238 as every authenticator app expects it: SHA-1, 6 digits, 30-second steps; one step either side is accepted. */
const TOTP_PERIOD_SECONDS = 30;
const TOTP_DIGITS = 6;
const TOTP_WINDOW = 1;
const ISSUER = 'aimatch';
export const RECOVERY_CODE_COUNT = 10;
/** Unambiguous letters and digits (no 0/o, 1/l/i) for recovery codes typed from paper. */
const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
const CODE_MAX_LENGTH = 64;

export interface TwoFactorStatus {
  /** The account has a role (STAFF, ADMIN) that needs the second factor. */
  required: boolean;
  /** A confirmed authenticator is set up. */
  enrolled: boolean;
  /** Unused recovery codes left. */
  recoveryCodesLeft: number;
}

export interface TwoFactorEnrollment {
  /** otpauth:// URI for authenticator apps. */
  otpauthUri: string;
  /** The same URI as a QR code (SVG markup). */
  qrSvg: string;
  /** The secret in base32, to type in by hand. */
  secret: string;
}

export interface SecondFactorInput {
  totpCode?: string | null;
  recoveryCode?: string | null;
}

/**
 * Staff two-factor sign-in (TOTP + one-time recovery codes). The secret is stored encrypted with
 * AES-256-GCM under a key derived (HKDF) from JWT_REFRESH_SECRET, so a database dump alone does not
 * yield working codes; a code is accepted once (the newest used 30-second step is stored). A session
 * (refresh family) that passed the second factor is marked; STAFF/ADMIN roles count only there
 * (SessionService.activeSession). otpauth and qrcode are loaded on first use (not in every boot).
 */
@Injectable()
export class TwoFactorService {
  private readonly secretKey: Buffer;
  private readonly recoveryKey: Buffer;

  constructor(
    private readonly repository: TwoFactorRepository,
    private readonly identity: IdentityRepository,
    private readonly transactions: TransactionService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly rateLimit: RateLimiter,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    const derive = (info: string) => Buffer.from(hkdfSync('sha256', config.JWT_REFRESH_SECRET, 'aimatch-two-factor', info, 32));
    this.secretKey = derive('totp-secret-v1');
    this.recoveryKey = derive('recovery-code-v1');
  }

  /** Whether the user must use a second factor, and whether they set one up. */
  async status(userId: string, platformRoles: readonly PlatformRole[]): Promise<TwoFactorStatus> {
    const required = platformRoles.some((r) => SECOND_FACTOR_ROLES.includes(r));
    const row = await this.repository.find(userId);
    const enrolled = Boolean(row?.enabledAt);
    return { required, enrolled, recoveryCodesLeft: enrolled ? await this.repository.recoveryCodesLeft(userId) : 0 };
  }

  /** True when sign-in of this user must present a second factor (staff with a confirmed authenticator). */
  async requiredAtSignIn(userId: string, platformRoles: readonly PlatformRole[]): Promise<boolean> {
    if (!platformRoles.some((r) => SECOND_FACTOR_ROLES.includes(r))) return false;
    return Boolean((await this.repository.find(userId))?.enabledAt);
  }

  /**
   * Checks the code of a sign-in inside its transaction (a TOTP code of the current step ±1 not used
   * before, or an unused recovery code, which is then spent and audited). False when neither is valid.
   */
  async verifyAtSignIn(tx: EntityManager, userId: string, input: SecondFactorInput): Promise<boolean> {
    const row = await this.repository.find(userId, tx);
    if (!row?.enabledAt) return false;
    if (input.totpCode) return this.useTotp(tx, userId, row.secretCiphertext, input.totpCode);
    if (input.recoveryCode) {
      const used = await this.repository.useRecoveryCode(tx, userId, this.hashRecoveryCode(input.recoveryCode), this.clock.now());
      if (used) {
        await this.audit.record(tx, {
          actorUserId: userId,
          action: 'staff.two-factor.recovery-code-used',
          subjectType: 'user',
          subjectId: userId,
        });
      }
      return used;
    }
    return false;
  }

  /** Marks the session (refresh family) as having passed the second factor. */
  markSession(tx: EntityManager, familyId: string): Promise<void> {
    return this.repository.markSession(tx, familyId, this.clock.now());
  }

  /** Starts (or restarts) enrolment of a staff member who has none: a new secret, pending until confirmed. */
  async beginEnrollment(viewer: Viewer): Promise<TwoFactorEnrollment> {
    const user = await this.requireStaff(viewer);
    const { Secret, TOTP } = await import('otpauth');
    const secret = new Secret({ size: 20 });
    const saved = await this.transactions.run((tx) => this.repository.savePending(tx, user.id, this.encrypt(secret.base32)));
    if (!saved) throw AppError.conflict('two-factor-already-enrolled');
    const otpauthUri = new TOTP({
      issuer: ISSUER,
      label: user.email,
      secret,
      algorithm: 'SHA1',
      digits: TOTP_DIGITS,
      period: TOTP_PERIOD_SECONDS,
    }).toString();
    const qrcode = await import('qrcode');
    const qrSvg = await (qrcode.default ?? qrcode).toString(otpauthUri, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
    return { otpauthUri, qrSvg, secret: secret.base32 };
  }

  /** Confirms the pending secret with a code from the app: enables it, marks this session as passed, returns the recovery codes (shown once). */
  async confirmEnrollment(viewer: Viewer, code: string): Promise<string[]> {
    const user = await this.requireStaff(viewer);
    await this.rateLimit.claimAttempt('signin-account', `two-factor|${user.id}`);
    const codes = this.newRecoveryCodes();
    const result = await this.transactions.run(async (tx) => {
      const row = await this.repository.find(user.id, tx);
      if (!row) return 'no-pending' as const;
      if (row.enabledAt) return 'enrolled' as const;
      if (!(await this.useTotp(tx, user.id, row.secretCiphertext, code))) return 'invalid' as const;
      if (!(await this.repository.enable(tx, user.id, this.clock.now()))) return 'enrolled' as const;
      await this.repository.replaceRecoveryCodes(
        tx,
        user.id,
        codes.map((c) => this.hashRecoveryCode(c)),
      );
      await this.repository.markSession(tx, viewer.sessionId, this.clock.now());
      await this.audit.record(tx, { actorUserId: user.id, action: 'staff.two-factor.enabled', subjectType: 'user', subjectId: user.id });
      return 'ok' as const;
    });
    if (result === 'enrolled') throw AppError.conflict('two-factor-already-enrolled');
    if (result === 'no-pending') throw AppError.conflict('two-factor-not-started');
    if (result === 'invalid') {
      await this.rateLimit.recordFailure('signin-account', `two-factor|${user.id}`);
      throw AppError.field('code', 'two-factor-code');
    }
    await this.rateLimit.clearFailures('signin-account', `two-factor|${user.id}`);
    return codes;
  }

  /** New recovery codes (the old ones stop working) for an enrolled staff member who types a current code. */
  async regenerateRecoveryCodes(viewer: Viewer, code: string): Promise<string[]> {
    const user = await this.requireStaff(viewer);
    await this.rateLimit.claimAttempt('signin-account', `two-factor|${user.id}`);
    const codes = this.newRecoveryCodes();
    const result = await this.transactions.run(async (tx) => {
      const row = await this.repository.find(user.id, tx);
      if (!row?.enabledAt) return 'not-enrolled' as const;
      if (!(await this.useTotp(tx, user.id, row.secretCiphertext, code))) return 'invalid' as const;
      await this.repository.replaceRecoveryCodes(
        tx,
        user.id,
        codes.map((c) => this.hashRecoveryCode(c)),
      );
      await this.audit.record(tx, {
        actorUserId: user.id,
        action: 'staff.two-factor.recovery-codes-regenerated',
        subjectType: 'user',
        subjectId: user.id,
      });
      return 'ok' as const;
    });
    if (result === 'not-enrolled') throw AppError.conflict('two-factor-not-started');
    if (result === 'invalid') {
      await this.rateLimit.recordFailure('signin-account', `two-factor|${user.id}`);
      throw AppError.field('code', 'two-factor-code');
    }
    await this.rateLimit.clearFailures('signin-account', `two-factor|${user.id}`);
    return codes;
  }

  /** ADMIN (the caller checks the role): removes a staff member's authenticator and recovery codes (lost device); they enrol again at next sign-in. */
  async reset(admin: Viewer, userId: string, requestId?: string): Promise<boolean> {
    if (!/^[0-9a-f-]{36}$/i.test(userId)) throw AppError.notFound();
    const user = await this.identity.findUser(userId);
    if (!user) throw AppError.notFound();
    return this.transactions.run(async (tx) => {
      const removed = await this.repository.reset(tx, userId);
      await this.audit.record(tx, {
        actorUserId: admin.userId,
        action: 'staff.two-factor.reset',
        subjectType: 'user',
        subjectId: userId,
        details: { hadTwoFactor: removed },
        requestId: requestId ?? null,
      });
      return removed;
    });
  }

  // --- helpers ------------------------------------------------------------------------------------

  /** Enrolment is for accounts with a staff role (whether or not this session passed the second factor yet). */
  private async requireStaff(viewer: Viewer) {
    const user = await this.identity.findUser(viewer.userId);
    if (!user) throw AppError.unauthenticated();
    if (!user.platformRoles.some((r) => SECOND_FACTOR_ROLES.includes(r))) throw AppError.forbidden();
    return user;
  }

  private async useTotp(tx: EntityManager, userId: string, secretCiphertext: string, raw: string): Promise<boolean> {
    const token = raw.replace(/\s/g, '');
    if (token.length !== TOTP_DIGITS || !/^\d+$/.test(token)) return false;
    const { Secret, TOTP } = await import('otpauth');
    const totp = new TOTP({
      secret: Secret.fromBase32(this.decrypt(secretCiphertext)),
      algorithm: 'SHA1',
      digits: TOTP_DIGITS,
      period: TOTP_PERIOD_SECONDS,
    });
    const timestamp = this.clock.now().getTime();
    const delta = totp.validate({ token, timestamp, window: TOTP_WINDOW });
    if (delta === null) return false;
    const step = Math.floor(timestamp / (TOTP_PERIOD_SECONDS * 1000)) + delta;
    return this.repository.useStep(tx, userId, step);
  }

  private newRecoveryCodes(): string[] {
    return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
      const chars = Array.from({ length: 10 }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]).join('');
      return `${chars.slice(0, 5)}-${chars.slice(5)}`;
    });
  }

  /** Recovery codes are random (10 of 31 characters, about 49 bits), so a keyed hash suffices; case, spaces and dashes do not matter. */
  private hashRecoveryCode(code: string): string {
    const normalized = code
      .slice(0, CODE_MAX_LENGTH)
      .toLowerCase()
      .replace(/[^a-z0-9]/g, '');
    return createHmac('sha256', this.recoveryKey).update(normalized).digest('base64url');
  }

  private encrypt(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.secretKey, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join('.');
  }

  private decrypt(stored: string): string {
    const [version, iv, tag, body] = stored.split('.');
    if (version !== 'v1' || !iv || !tag || !body) throw new Error('two-factor secret: unknown format');
    const decipher = createDecipheriv('aes-256-gcm', this.secretKey, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
  }
}
