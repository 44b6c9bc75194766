import { ChatMessageKind, ConversationContextType } from '@aimatch/contracts';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ConnectionType } from '../../../graphql/pagination';

registerEnumType(ConversationContextType, {
  name: 'ConversationContextType',
  description: 'What a conversation is about (BID once bids exist).',
});
registerEnumType(ChatMessageKind, { name: 'ChatMessageKind' });

@ObjectType('ChatMessage', { description: 'One message of a conversation; body is plain text (render it escaped) and null once deleted.' })
export class ChatMessageModel {
  @Field(() => ID) id: string;
  @Field(() => ID) conversationId: string;
  @Field(() => Int, { description: 'Gap-free position in the conversation, from 1.' }) seq: number;
  @Field(() => ChatMessageKind) kind: ChatMessageKind;
  @Field(() => ID, { nullable: true }) senderUserId: string | null;
  @Field(() => ID, { nullable: true }) senderOrganizationId: string | null;
  @Field(() => String, { nullable: true }) clientMessageId: string | null;
  @Field(() => String, { nullable: true }) body: string | null;
  @Field(() => String, { nullable: true, description: 'SYSTEM messages: the event (e.g. BID_SUBMITTED).' }) systemEvent: string | null;
  @Field(() => String, { nullable: true, description: 'SYSTEM messages: event data as JSON.' }) systemPayload: string | null;
  @Field() createdAt: Date;
  @Field(() => Date, { nullable: true }) editedAt: Date | null;
  @Field(() => Date, { nullable: true }) deletedAt: Date | null;
}

@ObjectType('Conversation')
export class ConversationModel {
  @Field(() => ID) id: string;
  @Field(() => ConversationContextType) contextType: ConversationContextType;
  @Field(() => ID, { description: 'The demand, bid or supply listing the conversation is about.' }) contextId: string;
  @Field(() => Int) lastSeq: number;
  @Field(() => Date, { nullable: true }) lastMessageAt: Date | null;
  @Field(() => Int, { description: "Messages from others after the viewer's read pointer." }) unreadCount: number;
  @Field(() => Int) lastReadSeq: number;
  @Field() createdAt: Date;
}

@ObjectType('ConversationConnection')
export class ConversationConnectionModel extends ConnectionType(ConversationModel, 'ConversationPage') {}

@ObjectType('ChatMessageConnection', { description: 'Messages in ascending seq; cursors are seq numbers.' })
export class ChatMessageConnectionModel extends ConnectionType(ChatMessageModel, 'ChatMessagePage') {}

@InputType()
export class OpenConversationInput {
  @Field(() => ConversationContextType) contextType: ConversationContextType;
  @Field(() => ID) contextId: string;
  @Field(() => ID, {
    nullable: true,
    description:
      "The organization facing the context's owner: the supplier on a DEMAND, the asker on a SUPPLY_INQUIRY. Defaults to your own organization when you are not the owner.",
  })
  partyOrganizationId?: string | null;
  @Field(() => ID, { nullable: true, description: 'DEMAND only: names the supplier side by one of its listings (from the matches page).' })
  supplyListingId?: string | null;
}

/** A report's state: OPEN until staff resolve it (then it leaves the queue). */
export enum ReportStatus {
  OPEN = 'OPEN',
  RESOLVED = 'RESOLVED',
}
registerEnumType(ReportStatus, { name: 'ReportStatus' });

/** How staff resolve a message report. */
export enum MessageReportAction {
  DISMISS = 'DISMISS',
  REMOVE_MESSAGE = 'REMOVE_MESSAGE',
}
registerEnumType(MessageReportAction, {
  name: 'MessageReportAction',
  description: "DISMISS: nothing to act on; REMOVE_MESSAGE: the message's text is removed for everyone, like its sender's own delete.",
});

@ObjectType('ChatMessageReport', { description: 'A participant reported a message; staff see it without the conversation.' })
export class ChatMessageReportModel {
  @Field(() => ID) id: string;
  @Field(() => ID) messageId: string;
  @Field(() => ID) conversationId: string;
  @Field(() => Int) seq: number;
  @Field(() => ID) reporterUserId: string;
  @Field() reason: string;
  @Field() createdAt: Date;
  @Field(() => ReportStatus, { description: 'OPEN until staff resolve it.' }) status: ReportStatus;
  @Field(() => MessageReportAction, { nullable: true, description: 'How staff resolved it.' }) resolution: MessageReportAction | null;
  @Field(() => String, { nullable: true, description: "Staff's reason for the resolution." }) resolutionReason: string | null;
  @Field(() => Date, { nullable: true }) resolvedAt: Date | null;
}

@ObjectType('ChatMessageReportConnection')
export class ChatMessageReportConnectionModel extends ConnectionType(ChatMessageReportModel, 'ChatMessageReportPage') {}

@ObjectType('ReportedMessageContext', { description: 'The reported message and at most 5 messages on each side of it.' })
export class ReportedMessageContextModel {
  @Field(() => ChatMessageReportModel) report: ChatMessageReportModel;
  @Field(() => [ChatMessageModel]) messages: ChatMessageModel[];
}
