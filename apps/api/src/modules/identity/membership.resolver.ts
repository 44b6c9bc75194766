import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx } from '../../common/auth/decorators';
import type { RequestContext } from '../../graphql/request-context';
import { MembershipModel, OrganizationModel, UserModel } from './dto/identity.models';
import type { MembershipEntity } from './entities/membership.entity';
import { IdentityRepository } from './identity.repository';

@Resolver(() => MembershipModel)
export class MembershipResolver {
  constructor(private readonly repository: IdentityRepository) {}

  @ResolveField(() => UserModel)
  user(@Parent() m: MembershipEntity, @Ctx() rc: RequestContext) {
    return rc.loaders.get(this.repository.userLoader).load(m.userId);
  }

  @ResolveField(() => OrganizationModel)
  organization(@Parent() m: MembershipEntity, @Ctx() rc: RequestContext) {
    return rc.loaders.get(this.repository.organizationLoader).load(m.organizationId);
  }
}
