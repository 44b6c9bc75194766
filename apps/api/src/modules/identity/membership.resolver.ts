import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx } from '../../common/auth/decorators';
import type { RequestContext } from '../../graphql/request-context';
import { MembershipModel, OrganizationModel, UserModel } from './dto/identity.models';
import type { MembershipEntity } from './entities/membership.entity';
import { IdentityRepository } from './identity.repository';

/**
 * An organization reached through a membership: whoever can see the membership is that member,
 * a fellow member or staff (Organization.members is members-and-staff only), so its registration
 * number is shown even when the request has no viewer yet (the sign-in answer's `me`).
 */
export interface MemberView {
  seenThroughMembership: true;
}

@Resolver(() => MembershipModel)
export class MembershipResolver {
  constructor(private readonly repository: IdentityRepository) {}

  @ResolveField(() => UserModel)
  user(@Parent() m: MembershipEntity, @Ctx() rc: RequestContext) {
    return rc.loaders.get(this.repository.userLoader).load(m.userId);
  }

  @ResolveField(() => OrganizationModel)
  async organization(@Parent() m: MembershipEntity, @Ctx() rc: RequestContext) {
    const org = await rc.loaders.get(this.repository.organizationLoader).load(m.organizationId);
    // A copy: the loader's object is shared by every other path of the request.
    return org && { ...org, seenThroughMembership: true as const };
  }
}
