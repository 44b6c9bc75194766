import { Locale, PlatformRole } from '@aimatch/contracts';
import { parseInput } from '@aimatch/validation';
import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock';
import { randomBytes } from 'node:crypto';
import { AuditService } from '../../common/audit/audit.service';
import { AppError } from '../../common/errors/app-error';
import { TransactionService } from '../../database/transaction.service';
import { UserEntity } from './entities/user.entity';
import { IdentityRepository } from './identity.repository';
import { emailSchema } from './identity.schemas';
import { PasswordHasher } from './password-hasher';
import { ConsentService } from './consent.service';

/** Staff accounts are made from the command line by the association, never by sign-up. */
@Injectable()
export class StaffAccountService {
  constructor(
    private readonly repository: IdentityRepository,
    private readonly hasher: PasswordHasher,
    private readonly transactions: TransactionService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly consents: ConsentService,
  ) {}

  async createOrPromote(input: {
    email: string;
    displayName?: string;
    admin: boolean;
  }): Promise<{ email: string; roles: PlatformRole[]; password?: string }> {
    const parsed = parseInput(emailSchema, input.email);
    if (!parsed.ok) throw AppError.field('email', parsed.violations[0].rule);
    const email = parsed.value;
    const roles = input.admin ? [PlatformRole.STAFF, PlatformRole.ADMIN] : [PlatformRole.STAFF];
    const existing = await this.repository.findUserByEmailWithPassword(email);
    const password = existing ? undefined : randomBytes(12).toString('base64url');
    const passwordHash = password ? await this.hasher.hash(password) : undefined;
    await this.transactions.run(async (tx) => {
      let userId: string;
      if (existing) {
        const merged = [...new Set([...existing.platformRoles, ...roles])];
        // Staff accounts are vouched for by the association: verified like the migration did.
        await tx.update(
          UserEntity,
          { id: existing.id },
          { platformRoles: merged, emailVerifiedAt: () => 'COALESCE(email_verified_at, now())', updatedAt: () => 'now()' },
        );
        userId = existing.id;
      } else {
        const user = await this.repository.insertUser(tx, {
          email,
          passwordHash: passwordHash!,
          displayName: input.displayName ?? email.split('@')[0],
          locale: Locale.KO,
          platformRoles: roles,
          emailVerifiedAt: this.clock.now(),
        });
        userId = user.id;
        // Staff work for the operator: their account is made with the current required documents agreed (no
        // re-consent page at the first sign-in); a later version asks them again like anyone else.
        await this.consents.record(tx, userId, this.consents.currentRequired(), null);
      }
      await this.audit.record(tx, {
        actorUserId: null,
        action: 'staff.granted',
        subjectType: 'user',
        subjectId: userId,
        details: { roles, via: 'cli' },
      });
    });
    return { email, roles, password };
  }
}
