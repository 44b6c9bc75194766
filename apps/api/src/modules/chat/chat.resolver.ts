import { PlatformRole } from '@aimatch/contracts';
import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx, CurrentViewer, Roles } from '../../common/auth/decorators';
import type { RequestContext, Viewer } from '../../graphql/request-context';
import { OrganizationModel } from '../identity/dto/identity.models';
import { IdentityLoaders } from '../identity/identity.loaders';
import { ListingsService } from '../listings/listings.service';
import { ChatRepository, type MessageRow } from './chat.repository';
import { ChatService } from './chat.service';
import {
  ChatMessageConnectionModel,
  ChatMessageModel,
  ChatMessageReportConnectionModel,
  ChatMessageReportModel,
  ConversationConnectionModel,
  ConversationModel,
  MessageReportAction,
  OpenConversationInput,
  ReportedMessageContextModel,
  ReportStatus,
} from './dto/chat.dto';

const toMessageModel = (m: MessageRow): ChatMessageModel => ({
  ...m,
  seq: Number(m.seq),
  systemPayload: m.systemPayload ? JSON.stringify(m.systemPayload) : null,
});

@Resolver(() => ConversationModel)
export class ChatResolver {
  constructor(
    private readonly chat: ChatService,
    private readonly repository: ChatRepository,
    private readonly identity: IdentityLoaders,
    private readonly listings: ListingsService,
  ) {}

  @Query(() => ConversationConnectionModel, {
    description: 'Your conversations, latest message first, with unread counts. Staff see only their own.',
  })
  conversations(
    @CurrentViewer() viewer: Viewer,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 20 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after?: string | null,
  ) {
    return this.chat.conversations(viewer, first, after);
  }

  @Query(() => ChatMessageConnectionModel, {
    description: 'A page of a conversation in ascending seq: after a seq, before a seq (scrolling back) or the newest. Participants only.',
  })
  async messages(
    @CurrentViewer() viewer: Viewer,
    @Args('conversationId', { type: () => ID }) conversationId: string,
    @Args('before', { type: () => Int, nullable: true }) before?: number | null,
    @Args('after', { type: () => Int, nullable: true }) after?: number | null,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 50 }) first?: number | null,
  ) {
    const page = await this.chat.messages(viewer, conversationId, { before, after, first });
    return { ...page, edges: page.edges.map((e) => ({ cursor: e.cursor, node: toMessageModel(e.node) })) };
  }

  @Mutation(() => ConversationModel, {
    description: 'Opens the conversation about a demand or supply listing with the other party, or returns the existing one.',
  })
  async openConversation(@CurrentViewer() viewer: Viewer, @Ctx() rc: RequestContext, @Args('input') input: OpenConversationInput) {
    const conversation = await this.chat.openConversation(rc, viewer, input);
    const read = await this.repository.readState(conversation.id, viewer.userId);
    return { ...conversation, lastReadSeq: read.lastReadSeq, unreadCount: read.unread };
  }

  @Mutation(() => ID, {
    description:
      'Reports a message of one of your conversations to the association; returns the report id (once per message and reporter).',
  })
  reportMessage(@CurrentViewer() viewer: Viewer, @Args('id', { type: () => ID }) id: string, @Args('reason') reason: string) {
    return this.chat.reportMessage(viewer, id, reason);
  }

  @Query(() => ChatMessageReportConnectionModel, {
    description: 'Staff: reported messages, newest first (no message text); `status: OPEN` is the queue still to handle.',
  })
  @Roles(PlatformRole.STAFF, PlatformRole.ADMIN)
  reportedMessages(
    @CurrentViewer() viewer: Viewer,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 20 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after?: string | null,
    @Args('status', { type: () => ReportStatus, nullable: true }) status?: ReportStatus | null,
  ) {
    return this.chat.reports(viewer, first, after, status ?? null);
  }

  @Query(() => ReportedMessageContextModel, {
    description: 'Staff: a reported message with 5 messages on each side; each read is audited.',
  })
  @Roles(PlatformRole.STAFF, PlatformRole.ADMIN)
  async reportedMessageContext(
    @CurrentViewer() viewer: Viewer,
    @Ctx() rc: RequestContext,
    @Args('reportId', { type: () => ID }) reportId: string,
  ) {
    const { report, messages } = await this.chat.reportContext(rc, viewer, reportId);
    return { report, messages: messages.map(toMessageModel) };
  }

  @Mutation(() => ChatMessageReportModel, {
    description:
      "Staff resolve a message report with a reason (audited): DISMISS, or REMOVE_MESSAGE (the text goes for everyone, live, and the message's other open reports close). CONFLICT when already resolved.",
  })
  @Roles(PlatformRole.STAFF, PlatformRole.ADMIN)
  resolveMessageReport(
    @CurrentViewer() viewer: Viewer,
    @Ctx() rc: RequestContext,
    @Args('reportId', { type: () => ID }) reportId: string,
    @Args('action', { type: () => MessageReportAction }) action: MessageReportAction,
    @Args('reason') reason: string,
  ) {
    return this.chat.resolveReport(rc, viewer, reportId, action, reason);
  }

  @ResolveField(() => [OrganizationModel])
  async participants(@Parent() c: ConversationModel, @Ctx() rc: RequestContext) {
    const ids = await rc.loaders.get(this.repository.participantsLoader).load(c.id);
    const orgs = await rc.loaders.get(this.identity.organization).loadMany(ids);
    return orgs.filter((o) => o && !(o instanceof Error));
  }

  @ResolveField(() => ChatMessageModel, { nullable: true })
  async lastMessage(@Parent() c: ConversationModel, @Ctx() rc: RequestContext) {
    if (!c.lastSeq) return null;
    const m = await rc.loaders.get(this.repository.lastMessageLoader).load(c.id);
    return m ? toMessageModel(m) : null;
  }

  @ResolveField(() => String, {
    nullable: true,
    description: 'The title of the demand or listing the conversation is about (as its participants know it).',
  })
  async contextTitle(@Parent() c: ConversationModel, @Ctx() rc: RequestContext) {
    const listing = await rc.loaders.get(this.listings.listingLoader).load(c.contextId);
    return listing?.title ?? null;
  }

  @ResolveField(() => String, { nullable: true, description: 'The English title of the context, when it has one.' })
  async contextTitleEn(@Parent() c: ConversationModel, @Ctx() rc: RequestContext) {
    const listing = await rc.loaders.get(this.listings.listingLoader).load(c.contextId);
    return (listing?.content as { titleEn?: string | null } | undefined)?.titleEn ?? null;
  }

  @ResolveField(() => Int, {
    description: "The furthest read pointer of the other organizations' members (0 when none has read): your messages up to it were read.",
  })
  othersLastReadSeq(@Parent() c: ConversationModel, @CurrentViewer() viewer: Viewer, @Ctx() rc: RequestContext) {
    return rc.loaders.get(this.chat.othersReadLoader).load(`${c.id}:${viewer.userId}`);
  }
}
