import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Ctx, CurrentViewer } from '../../common/auth/decorators';
import type { RequestContext, Viewer } from '../../graphql/request-context';
import { AccountService } from './account.service';

@Resolver()
export class AccountResolver {
  constructor(private readonly account: AccountService) {}

  @Query(() => String, {
    description:
      "The signed-in user's personal data as one JSON document (profile, memberships, consents, sign-ins, notifications, messages and reviews they wrote, listings and bids they created); save it as a .json file.",
  })
  myPersonalData(@CurrentViewer() viewer: Viewer) {
    return this.account.personalData(viewer);
  }

  @Mutation(() => Boolean, {
    description:
      'Deletes the signed-in account after checking its password (CONFLICT last-owner while the only owner of an organization with other members). Messages stay as "탈퇴한 사용자"; every session ends.',
  })
  async deleteAccount(@Args('password') password: string, @CurrentViewer() viewer: Viewer, @Ctx() rc: RequestContext) {
    await this.account.deleteAccount(viewer, password, rc.ip);
    return true;
  }
}
