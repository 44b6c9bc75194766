import { parseInput } from '@aimatch/validation';
import { Injectable } from '@nestjs/common';
import { AppError } from '../../common/errors/app-error';
import { OutboxService } from '../../database/outbox/outbox.service';
import { TransactionService } from '../../database/transaction.service';
import { type Connection, pageArgs, toConnection } from '../../graphql/pagination';
import type { Viewer } from '../../graphql/request-context';
import { VocabularyService } from '../vocabulary/vocabulary.service';
import type { OrganizationsArgs, PageArgs, UpdateOrganizationInput } from './dto/identity.inputs';
import type { MembershipEntity } from './entities/membership.entity';
import type { OrganizationEntity } from './entities/organization.entity';
import { IdentityRepository } from './identity.repository';
import { updateOrganizationSchema } from './identity.schemas';
import { MembershipPolicy } from './membership.policy';

@Injectable()
export class OrganizationService {
  constructor(
    private readonly repository: IdentityRepository,
    private readonly policy: MembershipPolicy,
    private readonly vocabulary: VocabularyService,
    private readonly transactions: TransactionService,
    private readonly outbox: OutboxService,
  ) {}

  async update(viewer: Viewer, raw: UpdateOrganizationInput): Promise<OrganizationEntity> {
    const parsed = parseInput(updateOrganizationSchema(), raw);
    if (!parsed.ok) throw AppError.badInput(parsed.violations);
    const { organizationId, ...patch } = parsed.value;
    await this.policy.assertOwner(viewer, organizationId);
    const violations = await this.vocabulary.checkReferences([
      { path: 'regionId', id: patch.regionId ?? '', scheme: 'region' },
      { path: 'industryId', id: patch.industryId ?? '', scheme: 'industry' },
    ]);
    if (violations.length) throw AppError.badInput(violations);
    const changes = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<OrganizationEntity>;
    return this.transactions.run(async (tx) => {
      const org = await this.repository.updateOrganization(tx, organizationId, changes);
      await this.outbox.enqueue(tx, {
        aggregateType: 'organization',
        aggregateId: organizationId,
        eventType: 'organization.updated',
        payload: { organizationId, fields: Object.keys(changes), byUserId: viewer.userId },
      });
      return org;
    });
  }

  async members(viewer: Viewer, organizationId: string, args: PageArgs): Promise<Connection<MembershipEntity>> {
    await this.policy.assertMemberOrStaff(viewer, organizationId);
    const { limit, after } = pageArgs(args.first, args.after);
    const { rows, total } = await this.repository.membersPage(organizationId, limit, after);
    return toConnection(rows, limit, total, (m) => [m.createdAt.toISOString(), m.id]);
  }

  async list(args: OrganizationsArgs): Promise<Connection<OrganizationEntity>> {
    const { limit, after } = pageArgs(args.first, args.after);
    const { rows, total } = await this.repository.organizationsPage({ verificationStatus: args.verificationStatus }, limit, after);
    return toConnection(rows, limit, total, (o) => [o.createdAt.toISOString(), o.id]);
  }
}
