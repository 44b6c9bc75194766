import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { Ctx, CurrentViewer, Public } from '../../common/auth/decorators';
import type { RequestContext, Viewer } from '../../graphql/request-context';
import { EmailVerificationModel } from './dto/identity.models';
import { EmailVerificationService } from './email-verification.service';

@Resolver()
export class EmailVerificationResolver {
  constructor(private readonly verification: EmailVerificationService) {}

  @Public()
  @Mutation(() => EmailVerificationModel, {
    description: 'Uses the link of a verification mail (once, while the account still has that address). Does not sign in.',
  })
  verifyEmail(@Args('token') token: string) {
    return this.verification.verify(token);
  }

  @Mutation(() => Boolean, { description: 'Sends the signed-in, unverified user a new verification mail (limited per hour).' })
  async resendVerificationEmail(@CurrentViewer() viewer: Viewer, @Ctx() rc: RequestContext) {
    await this.verification.resend(viewer.userId, rc.ip);
    return true;
  }
}
