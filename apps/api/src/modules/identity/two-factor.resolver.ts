import { PlatformRole } from '@aimatch/contracts';
import { Args, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx, CurrentViewer, Roles } from '../../common/auth/decorators';
import type { RequestContext, Viewer } from '../../graphql/request-context';
import { MeModel } from './dto/identity.models';
import { TwoFactorEnrollmentModel, TwoFactorStatusModel } from './dto/two-factor.models';
import type { UserEntity } from './entities/user.entity';
import { TwoFactorService } from './two-factor.service';

/** Staff two-factor: status on `me`, enrolment, recovery codes, and the admin's reset for a lost device. */
@Resolver(() => MeModel)
export class TwoFactorResolver {
  constructor(private readonly service: TwoFactorService) {}

  @ResolveField(() => TwoFactorStatusModel)
  twoFactor(@Parent() me: { user: UserEntity }) {
    return this.service.status(me.user.id, me.user.platformRoles);
  }

  @Mutation(() => TwoFactorEnrollmentModel, {
    description: 'Staff without two-factor: a new authenticator secret (QR code and text), pending until confirmTwoFactorEnrollment.',
  })
  beginTwoFactorEnrollment(@CurrentViewer() viewer: Viewer) {
    return this.service.beginEnrollment(viewer);
  }

  @Mutation(() => [String], {
    description:
      'Confirms the pending secret with a code from the app; this session then counts as verified. Returns 10 recovery codes, shown only now.',
  })
  confirmTwoFactorEnrollment(@Args('code') code: string, @CurrentViewer() viewer: Viewer) {
    return this.service.confirmEnrollment(viewer, code);
  }

  @Mutation(() => [String], { description: 'New recovery codes for a current app code; the old ones stop working.' })
  regenerateRecoveryCodes(@Args('code') code: string, @CurrentViewer() viewer: Viewer) {
    return this.service.regenerateRecoveryCodes(viewer, code);
  }

  @Roles(PlatformRole.ADMIN)
  @Mutation(() => Boolean, {
    description:
      "ADMIN: removes a staff member's authenticator and recovery codes (lost device); they set it up again at next sign-in. Audited.",
  })
  resetTwoFactor(@Args('userId', { type: () => ID }) userId: string, @CurrentViewer() viewer: Viewer, @Ctx() rc: RequestContext) {
    return this.service.reset(viewer, userId, rc.requestId);
  }
}
