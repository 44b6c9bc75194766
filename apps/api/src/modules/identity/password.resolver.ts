import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { Ctx, CurrentViewer, Public } from '../../common/auth/decorators';
import type { RequestContext, Viewer } from '../../graphql/request-context';
import { PasswordService } from './password.service';

@Resolver()
export class PasswordResolver {
  constructor(private readonly passwords: PasswordService) {}

  @Public()
  @Mutation(() => Boolean, {
    description: 'Mails a password-reset link if the address has an account; always answers true (it does not tell which addresses exist).',
  })
  requestPasswordReset(@Args('email') email: string, @Ctx() rc: RequestContext) {
    return this.passwords.requestPasswordReset(email, rc.ip);
  }

  @Public()
  @Mutation(() => Boolean, {
    description: 'Sets a new password with the token of a reset link; signs out every session of the account.',
  })
  resetPassword(@Args('token') token: string, @Args('newPassword') newPassword: string, @Ctx() rc: RequestContext) {
    return this.passwords.resetPassword(token, newPassword, rc.ip);
  }

  @Mutation(() => Boolean, { description: "Changes the signed-in user's password; signs out their other sessions." })
  changePassword(
    @Args('currentPassword') currentPassword: string,
    @Args('newPassword') newPassword: string,
    @CurrentViewer() viewer: Viewer,
    @Ctx() rc: RequestContext,
  ) {
    return this.passwords.changePassword(viewer, currentPassword, newPassword, rc.ip);
  }
}
