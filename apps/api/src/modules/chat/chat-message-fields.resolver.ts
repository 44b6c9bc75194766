import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx } from '../../common/auth/decorators';
import type { RequestContext } from '../../graphql/request-context';
import { displayNameOf } from '../identity/dto/display-name';
import { IdentityLoaders } from '../identity/identity.loaders';
import { ChatMessageKind } from '@aimatch/contracts';
import { StoredFileModel } from '../files/dto/stored-file.model';
import { FilesLoaders } from '../files/files.loaders';
import { CHAT_FILES_OWNER_TYPE } from './dto/chat-files';
import { ChatMessageModel } from './dto/chat.dto';

@Resolver(() => ChatMessageModel)
export class ChatMessageFieldsResolver {
  constructor(
    private readonly identity: IdentityLoaders,
    private readonly filesLoaders: FilesLoaders,
  ) {}

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

  @ResolveField(() => [StoredFileModel], {
    description: 'Files sent with the message (participants may download them); empty once deleted.',
  })
  files(@Parent() m: ChatMessageModel, @Ctx() rc: RequestContext) {
    if (m.deletedAt || m.kind !== ChatMessageKind.USER) return [];
    return rc.loaders.get(this.filesLoaders.byOwner).load(FilesLoaders.key({ ownerType: CHAT_FILES_OWNER_TYPE, ownerId: m.id }));
  }
}
