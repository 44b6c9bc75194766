import { MembershipRole } from '@aimatch/contracts';
import { parseInput } from '@aimatch/validation';
import { Inject, Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { Clock } from '../../common/clock';
import { AppError } from '../../common/errors/app-error';
import { uniqueViolation } from '../../common/errors/pg-errors';
import { APP_CONFIG } from '../../config/config.module';
import type { AppConfig } from '../../config/config.schema';
import { OutboxService } from '../../database/outbox/outbox.service';
import { TransactionService } from '../../database/transaction.service';
import type { Viewer } from '../../graphql/request-context';
import type { InviteMemberInput } from './dto/identity.inputs';
import type { InvitationEntity } from './entities/invitation.entity';
import type { MembershipEntity } from './entities/membership.entity';
import { IdentityRepository } from './identity.repository';
import { inviteMemberSchema } from './identity.schemas';
import { MembershipPolicy } from './membership.policy';
import { SessionService } from './session.service';

/** Owners invite people by e-mail; the invitee accepts with the secret token (signed in or at sign-up). */
@Injectable()
export class InvitationService {
  constructor(
    private readonly repository: IdentityRepository,
    private readonly sessions: SessionService,
    private readonly policy: MembershipPolicy,
    private readonly transactions: TransactionService,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async invite(viewer: Viewer, raw: InviteMemberInput): Promise<InvitationEntity & { token: string }> {
    const parsed = parseInput(inviteMemberSchema, raw);
    if (!parsed.ok) throw AppError.badInput(parsed.violations);
    const input = parsed.value;
    await this.policy.assertOwner(viewer, input.organizationId);
    if (await this.repository.isMemberByEmail(input.organizationId, input.email)) throw AppError.conflict('already-member');
    const token = randomBytes(24).toString('base64url');
    const invitation = await this.transactions.run(async (tx) => {
      const row = await this.repository.insertInvitation(tx, {
        organizationId: input.organizationId,
        email: input.email,
        role: input.role,
        tokenHash: this.sessions.hashToken(token),
        invitedById: viewer.userId,
        expiresAt: new Date(this.clock.now().getTime() + this.config.INVITATION_TTL_SECONDS * 1000),
      });
      await this.outbox.enqueue(tx, {
        aggregateType: 'organization',
        aggregateId: input.organizationId,
        eventType: 'invitation.created',
        payload: { invitationId: row.id, organizationId: input.organizationId, email: input.email, invitedById: viewer.userId },
      });
      return row;
    });
    return Object.assign(invitation, { token });
  }

  async accept(viewer: Viewer, token: string, email: string): Promise<MembershipEntity> {
    return this.transactions.run((tx) => this.acceptInTransaction(tx, token, viewer.userId, email, 'token'));
  }

  /** Used by accept and by sign-up with an invitation, inside their transaction. */
  async acceptInTransaction(tx: EntityManager, token: string, userId: string, email: string, path: string): Promise<MembershipEntity> {
    const invitation = await this.repository.lockInvitationByTokenHash(tx, this.sessions.hashToken(token.slice(0, 200)));
    const now = this.clock.now();
    if (!invitation || invitation.acceptedAt || invitation.expiresAt <= now) throw AppError.field(path, 'invitation-invalid');
    if (invitation.email.toLowerCase() !== email.toLowerCase()) throw AppError.field(path, 'invitation-email');
    try {
      const membership = await this.repository.insertMembership(tx, {
        userId,
        organizationId: invitation.organizationId,
        role: invitation.role ?? MembershipRole.MEMBER,
      });
      await this.repository.acceptInvitation(tx, invitation.id, userId, now);
      return membership;
    } catch (err) {
      if (uniqueViolation(err) === 'memberships_user_org_unique') throw AppError.conflict('already-member');
      throw err;
    }
  }

  /**
   * The checks of acceptInTransaction without accepting (sign-up with an address that already has
   * an account must refuse a bad invitation exactly as it would for a new address).
   */
  async assertAcceptable(token: string, email: string, path: string): Promise<void> {
    await this.transactions.run(async (tx) => {
      const invitation = await this.repository.lockInvitationByTokenHash(tx, this.sessions.hashToken(token.slice(0, 200)));
      if (!invitation || invitation.acceptedAt || invitation.expiresAt <= this.clock.now())
        throw AppError.field(path, 'invitation-invalid');
      if (invitation.email.toLowerCase() !== email.toLowerCase()) throw AppError.field(path, 'invitation-email');
    });
  }
}
