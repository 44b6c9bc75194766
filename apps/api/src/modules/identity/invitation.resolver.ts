import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx } from '../../common/auth/decorators';
import type { RequestContext } from '../../graphql/request-context';
import { InvitationModel, OrganizationModel } from './dto/identity.models';
import type { InvitationEntity } from './entities/invitation.entity';
import { IdentityRepository } from './identity.repository';

@Resolver(() => InvitationModel)
export class InvitationResolver {
  constructor(private readonly repository: IdentityRepository) {}

  @ResolveField(() => OrganizationModel)
  organization(@Parent() invitation: InvitationEntity, @Ctx() rc: RequestContext) {
    return rc.loaders.get(this.repository.organizationLoader).load(invitation.organizationId);
  }
}
