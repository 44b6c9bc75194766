import { PlatformRole } from '@aimatch/contracts';
import { Args, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { type AuditLogRow, AuditService } from '../../common/audit/audit.service';
import { Ctx, Roles } from '../../common/auth/decorators';
import type { RequestContext } from '../../graphql/request-context';
import { OrganizationModel } from '../identity/dto/identity.models';
import { IdentityLoaders } from '../identity/identity.loaders';
import { displayNameOf } from '../identity/dto/display-name';
import { AuditActorModel, AuditLogConnection, AuditLogEntryModel, AuditLogFilterInput } from './dto/audit-log.dto';

const json = (value: unknown): string | null => (value === undefined || value === null ? null : JSON.stringify(value));

@Resolver(() => AuditLogEntryModel)
export class AuditLogResolver {
  constructor(
    private readonly audit: AuditService,
    private readonly identityLoaders: IdentityLoaders,
  ) {}

  @Roles(PlatformRole.STAFF, PlatformRole.ADMIN)
  @Query(() => AuditLogConnection, { description: 'Staff: the audit log, newest first, filtered by actor, action, object and time.' })
  async auditLog(
    @Args('filter', { type: () => AuditLogFilterInput, nullable: true }) filter: AuditLogFilterInput | null,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 20 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after?: string | null,
  ) {
    const page = await this.audit.list(filter ?? {}, first, after);
    return { ...page, edges: page.edges.map((e) => ({ cursor: e.cursor, node: toModel(e.node) })) };
  }

  @ResolveField(() => AuditActorModel, { nullable: true })
  async actor(@Parent() entry: AuditLogEntryModel, @Ctx() rc: RequestContext): Promise<AuditActorModel | null> {
    if (!entry.actorUserId) return null;
    const user = await rc.loaders.get(this.identityLoaders.user).load(entry.actorUserId);
    return user ? { id: user.id, displayName: displayNameOf(user, rc.locale), email: user.email } : null;
  }

  @ResolveField(() => OrganizationModel, {
    nullable: true,
    description: 'The object when it is an organization (null when it is not, or it was deleted).',
  })
  organization(@Parent() entry: AuditLogEntryModel, @Ctx() rc: RequestContext) {
    if (entry.subjectType !== 'organization') return null;
    return rc.loaders.get(this.identityLoaders.organization).load(entry.subjectId);
  }
}

function toModel(row: AuditLogRow): AuditLogEntryModel {
  const details = row.details ?? {};
  return {
    id: row.id,
    actorUserId: row.actorUserId,
    action: row.action,
    subjectType: row.subjectType,
    subjectId: row.subjectId,
    reason: typeof details.reason === 'string' ? details.reason : null,
    before: json(details.before),
    after: json(details.after),
    details: JSON.stringify(details),
    requestId: row.requestId,
    createdAt: row.createdAt,
  };
}
