import { Args, Field, ID, InputType, Int, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { CurrentViewer } from '../../common/auth/decorators';
import { ConnectionType } from '../../graphql/pagination';
import type { Viewer } from '../../graphql/request-context';
import { NotificationsService } from './notifications.service';

@ObjectType('NotificationLink', { description: 'The object a notification is about.' })
export class NotificationLinkModel {
  @Field({ description: 'LISTING, BID, REVIEW, ORGANIZATION' }) type: string;
  @Field(() => ID) id: string;
}

@ObjectType('Notification')
export class NotificationModel {
  @Field(() => ID) id: string;
  @Field({ description: 'MATCH_ALERT, LISTING_APPROVED, LISTING_REJECTED, REVIEW_RECEIVED, BID_…' }) type: string;
  @Field(() => String, { description: 'Type-specific data as JSON (MATCH_ALERT: demandId, title, score).' }) payload: string;
  @Field(() => NotificationLinkModel, { nullable: true }) link: NotificationLinkModel | null;
  @Field(() => Date, { nullable: true }) readAt: Date | null;
  @Field() createdAt: Date;
}

@ObjectType('NotificationConnection')
export class NotificationConnectionModel extends ConnectionType(NotificationModel, 'NotificationPage') {
  @Field(() => Int) unreadCount: number;
}

@ObjectType('NotificationPreference', { description: 'Your channels for one notification type (both on unless turned off).' })
export class NotificationPreferenceModel {
  @Field() type: string;
  @Field() email: boolean;
  @Field() inApp: boolean;
}

@InputType()
export class NotificationPreferenceInput {
  @Field({ description: 'A notification type, e.g. MATCH_ALERT.' }) type: string;
  @Field() email: boolean;
  @Field() inApp: boolean;
}

@Resolver(() => NotificationModel)
export class NotificationsResolver {
  constructor(private readonly service: NotificationsService) {}

  @Query(() => NotificationConnectionModel, { description: 'Your notifications, newest first (only unread ones with unreadOnly).' })
  async notifications(
    @CurrentViewer() viewer: Viewer,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 20 }) first: number,
    @Args('after', { nullable: true }) after?: string,
    @Args('unreadOnly', { nullable: true, defaultValue: false }) unreadOnly?: boolean,
    @Args('types', {
      type: () => [String],
      nullable: true,
      description: 'Only these types, e.g. BID_INVITATION for the invitations on a supplier’s home (at most 20).',
    })
    types?: string[] | null,
  ) {
    const page = await this.service.list(viewer, first, after, unreadOnly ?? false, types ?? null);
    return { ...page, edges: page.edges.map((e) => ({ cursor: e.cursor, node: { ...e.node, payload: JSON.stringify(e.node.payload) } })) };
  }

  @Mutation(() => Int, { description: 'Marks your notifications read (these ids, or all for an empty list); returns how many changed.' })
  markNotificationsRead(@CurrentViewer() viewer: Viewer, @Args('ids', { type: () => [ID] }) ids: string[]) {
    return this.service.markRead(viewer, ids);
  }

  @Query(() => [NotificationPreferenceModel], { description: 'Your e-mail and in-app choice for every notification type.' })
  notificationPreferences(@CurrentViewer() viewer: Viewer) {
    return this.service.preferences(viewer);
  }

  @Mutation(() => [NotificationPreferenceModel], {
    description: 'Sets your channels for the given types (others unchanged); returns all of them.',
  })
  updateNotificationPreferences(
    @CurrentViewer() viewer: Viewer,
    @Args('preferences', { type: () => [NotificationPreferenceInput] }) preferences: NotificationPreferenceInput[],
  ) {
    return this.service.updatePreferences(viewer, preferences);
  }
}
