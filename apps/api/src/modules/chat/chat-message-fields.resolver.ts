import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx } from '../../common/auth/decorators';
import type { RequestContext } from '../../graphql/request-context';
import { displayNameOf } from '../identity/dto/display-name';
import { IdentityLoaders } from '../identity/identity.loaders';
import { ChatMessageModel } from './dto/chat.dto';

@Resolver(() => ChatMessageModel)
export class ChatMessageFieldsResolver {
  constructor(private readonly identity: IdentityLoaders) {}

  @ResolveField(() => String, {
    nullable: true,
    description:
      'The name of the person who sent it ("탈퇴한 사용자" / "Deleted user" once their account is deleted); null for SYSTEM messages.',
  })
  async senderName(@Parent() m: ChatMessageModel, @Ctx() rc: RequestContext): Promise<string | null> {
    if (!m.senderUserId) return null;
    const user = await rc.loaders.get(this.identity.user).load(m.senderUserId);
    return user ? displayNameOf(user, rc.locale) : null;
  }
}
