import { Locale, MembershipRole } from '@aimatch/contracts';
import { parseInput } from '@aimatch/validation';
import { Inject, Injectable } from '@nestjs/common';
import { createHmac, randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../../common/audit/audit.service';
import { Clock } from '../../common/clock';
import { AppError } from '../../common/errors/app-error';
import { uniqueViolation } from '../../common/errors/pg-errors';
import { RateLimiter } from '../../common/rate-limit/rate-limit.service';
import { APP_CONFIG } from '../../config/config.module';
import type { AppConfig } from '../../config/config.schema';
import { OutboxService } from '../../database/outbox/outbox.service';
import { TransactionService } from '../../database/transaction.service';
import { type Connection, pageArgs, toConnection } from '../../graphql/pagination';
import type { Viewer } from '../../graphql/request-context';
import { AccountMailService, type AccountMailRequest, type MailContext } from './account-mail.service';
import type { InviteMemberInput, PageArgs } from './dto/identity.inputs';
import type { InvitationEntity } from './entities/invitation.entity';
import type { MembershipEntity } from './entities/membership.entity';
import { IdentityRepository } from './identity.repository';
import { inviteMemberSchema } from './identity.schemas';
import { MembershipPolicy } from './membership.policy';
import { SessionService } from './session.service';

/** The account mail that carries an invitation link. */
export const INVITATION_MAIL = 'invitation';

/** What the sign-up page may show the holder of an invitation token. */
export interface InvitationPreview {
  organizationId: string;
  organizationNameKo: string;
  organizationNameEn: string | null;
  email: string;
  role: MembershipRole;
  expiresAt: Date;
}

/**
 * Owners invite people by e-mail; the invitee accepts with the secret token (signed in or at
 * sign-up). The token is not random but derived: an HMAC of the invitation id under a server
 * secret. Only an HMAC of the token is stored (as before), and nothing secret is in the outbox:
 * the mail composer derives the token again when it writes the mail, so the copy link the owner
 * gets at creation and the mailed link are the same, and a resent mail carries the same link.
 * Revoked, accepted and expired invitations cannot be accepted, resent or previewed.
 */
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
    private readonly mail: AccountMailService,
    private readonly audit: AuditService,
    private readonly rateLimit: RateLimiter,
  ) {
    this.mail.register(INVITATION_MAIL, (request, context) => this.composeInvitation(request, context));
  }

  async invite(viewer: Viewer, raw: InviteMemberInput): Promise<InvitationEntity & { token: string }> {
    const parsed = parseInput(inviteMemberSchema, raw);
    if (!parsed.ok) throw AppError.badInput(parsed.violations);
    const input = parsed.value;
    await this.policy.assertOwner(viewer, input.organizationId);
    if (await this.repository.isMemberByEmail(input.organizationId, input.email)) throw AppError.conflict('already-member');
    const id = randomUUID();
    const token = this.invitationToken(id);
    const invitation = await this.transactions.run(async (tx) => {
      const row = await this.repository.insertInvitation(tx, {
        id,
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
      await this.queueMail(tx, row, viewer.locale);
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
    if (!invitation || invitation.acceptedAt || invitation.revokedAt || invitation.expiresAt <= now)
      throw AppError.field(path, 'invitation-invalid');
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

  /** Pending invitations of an organization, oldest first (owners only). */
  async pending(viewer: Viewer, organizationId: string, args: PageArgs): Promise<Connection<InvitationEntity>> {
    await this.policy.assertOwner(viewer, organizationId);
    const { limit, after } = pageArgs(args.first, args.after);
    const { rows, total } = await this.repository.pendingInvitationsPage(organizationId, this.clock.now(), limit, after);
    return toConnection(rows, limit, total, (i) => [i.createdAt.toISOString(), i.id]);
  }

  /** An owner withdraws a pending invitation: its link stops working at once. */
  async revoke(viewer: Viewer, id: string, requestId?: string): Promise<InvitationEntity> {
    const found = await this.ownedInvitation(viewer, id);
    return this.transactions.run(async (tx) => {
      const invitation = await this.repository.lockInvitation(tx, found.id);
      if (!invitation || !this.isOpen(invitation)) throw AppError.field('id', 'invitation-closed');
      const revoked = await this.repository.revokeInvitation(tx, invitation.id, viewer.userId, this.clock.now());
      await this.audit.record(tx, {
        actorUserId: viewer.userId,
        action: 'invitation.revoked',
        subjectType: 'organization',
        subjectId: invitation.organizationId,
        details: { invitationId: invitation.id, email: invitation.email, role: invitation.role },
        requestId,
      });
      return revoked;
    });
  }

  /** Mails a pending invitation again (the same link), at most a few times an hour per invitation. */
  async resend(viewer: Viewer, id: string): Promise<InvitationEntity> {
    const found = await this.ownedInvitation(viewer, id);
    if (!this.isOpen(found)) throw AppError.field('id', 'invitation-closed');
    await this.rateLimit.consume('invitation-resend', found.id);
    await this.transactions.run((tx) => this.queueMail(tx, found, viewer.locale));
    return found;
  }

  /** For the sign-up page: whom the token invites to which organization (only the token holder can ask). */
  async preview(token: string): Promise<InvitationPreview> {
    const invitation = token ? await this.repository.findInvitationByTokenHash(this.sessions.hashToken(token.slice(0, 200))) : null;
    if (!invitation || !this.isOpen(invitation)) throw AppError.field('token', 'invitation-invalid');
    const org = await this.repository.findOrganization(invitation.organizationId);
    if (!org) throw AppError.field('token', 'invitation-invalid');
    return {
      organizationId: org.id,
      organizationNameKo: org.nameKo,
      organizationNameEn: org.nameEn,
      email: invitation.email,
      role: invitation.role,
      expiresAt: invitation.expiresAt,
    };
  }

  /** The secret of an invitation: derived from its id, so that it never has to be stored. */
  private invitationToken(invitationId: string): string {
    return createHmac('sha256', this.config.JWT_REFRESH_SECRET).update(`invitation:${invitationId}`).digest('base64url');
  }

  private isOpen(invitation: InvitationEntity): boolean {
    return !invitation.acceptedAt && !invitation.revokedAt && invitation.expiresAt > this.clock.now();
  }

  /** The invitation if the viewer owns its organization; FORBIDDEN otherwise, whether or not it exists. */
  private async ownedInvitation(viewer: Viewer, id: string): Promise<InvitationEntity> {
    const invitation = /^[0-9a-f-]{36}$/i.test(id) ? await this.repository.findInvitation(id) : null;
    if (!invitation) throw AppError.forbidden();
    await this.policy.assertOwner(viewer, invitation.organizationId);
    return invitation;
  }

  private async queueMail(tx: EntityManager, invitation: InvitationEntity, inviterLocale: Locale): Promise<void> {
    // The invitee's own language if they already have an account; otherwise the inviter's.
    const invitee = await this.repository.findUserByEmailWithPassword(invitation.email);
    await this.mail.enqueue(tx, {
      kind: INVITATION_MAIL,
      userId: null,
      to: invitation.email,
      locale: invitee?.locale ?? inviterLocale ?? Locale.KO,
      params: { invitationId: invitation.id },
    });
  }

  private async composeInvitation(request: AccountMailRequest, context: MailContext) {
    const invitation = await this.repository.findInvitation(String(request.params?.invitationId ?? ''));
    if (!invitation || !this.isOpen(invitation)) return null;
    const org = await this.repository.findOrganization(invitation.organizationId);
    if (!org) return null;
    const inviter = invitation.invitedById ? await this.repository.findUser(invitation.invitedById) : null;
    const link = context.link('/signup', { invitation: this.invitationToken(invitation.id), email: invitation.email });
    const days = Math.max(1, Math.round((invitation.expiresAt.getTime() - this.clock.now().getTime()) / 86_400_000));
    if (context.locale === 'en') {
      const name = org.nameEn ?? org.nameKo;
      const by = inviter ? `${inviter.displayName} of ${name}` : name;
      return {
        subject: `${name} invited you to aimatch`,
        text:
          `${by} invited you to join ${name} on aimatch as ${invitation.role === MembershipRole.OWNER ? 'an owner' : 'a member'}.\n\n` +
          `Create your account with this link (valid for ${days} day(s)):\n${link}\n\n` +
          `Already have an account with ${invitation.email}? Sign in first, then open the link to accept.\n` +
          `If you did not expect this invitation, you can ignore this mail.\n`,
      };
    }
    const by = inviter ? `${org.nameKo}의 ${inviter.displayName}님이` : `${org.nameKo}에서`;
    return {
      subject: `${org.nameKo}에서 aimatch에 초대했습니다`,
      text:
        `${by} 회원님을 aimatch의 ${org.nameKo} ${invitation.role === MembershipRole.OWNER ? '소유자' : '구성원'}(으)로 초대했습니다.\n\n` +
        `아래 링크에서 가입해 주세요(${days}일 동안 유효):\n${link}\n\n` +
        `이미 ${invitation.email} 계정이 있다면 먼저 로그인한 뒤 링크를 열어 초대를 수락하세요.\n` +
        `초대받을 일이 없으셨다면 이 메일을 무시하셔도 됩니다.\n`,
    };
  }

  /**
   * The checks of acceptInTransaction without accepting (sign-up with an address that already has
   * an account must refuse a bad invitation exactly as it would for a new address).
   */
  async assertAcceptable(token: string, email: string, path: string): Promise<void> {
    await this.transactions.run(async (tx) => {
      const invitation = await this.repository.lockInvitationByTokenHash(tx, this.sessions.hashToken(token.slice(0, 200)));
      if (!invitation || !this.isOpen(invitation)) throw AppError.field(path, 'invitation-invalid');
      if (invitation.email.toLowerCase() !== email.toLowerCase()) throw AppError.field(path, 'invitation-email');
    });
  }
}
