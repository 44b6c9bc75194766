import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx } from '../../common/auth/decorators';
import type { RequestContext } from '../../graphql/request-context';
import { displayNameOf } from './dto/display-name';
import { UserModel } from './dto/identity.models';
import type { UserEntity } from './entities/user.entity';

@Resolver(() => UserModel)
export class UserFieldsResolver {
  @ResolveField(() => String, { description: 'The name to show: "탈퇴한 사용자" / "Deleted user" once the account is deleted.' })
  displayName(@Parent() user: Pick<UserEntity, 'displayName' | 'deletedAt'>, @Ctx() rc: RequestContext): string {
    return displayNameOf(user, rc.locale);
  }
}
