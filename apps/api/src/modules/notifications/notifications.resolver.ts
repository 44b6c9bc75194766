import { Args, Field, ID, Int, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { CurrentViewer } from '../../common/auth/decorators';
import { ConnectionType } from '../../graphql/pagination';
import type { Viewer } from '../../graphql/request-context';
import { NotificationsService } from './notifications.service';

@ObjectType('Notification')
export class NotificationModel {
  @Field(() => ID) id: string;
  @Field({ description: 'MATCH_ALERT, …' }) type: string;
  @Field(() => String, { description: 'Type-specific data as JSON (MATCH_ALERT: demandId, title, score).' }) payload: string;
  @Field(() => Date, { nullable: true }) readAt: Date | null;
  @Field() createdAt: Date;
}

@ObjectType('NotificationConnection')
export class NotificationConnectionModel extends ConnectionType(NotificationModel, 'NotificationPage') {
  @Field(() => Int) unreadCount: number;
}

@Resolver(() => NotificationModel)
export class NotificationsResolver {
  constructor(private readonly service: NotificationsService) {}

  @Query(() => NotificationConnectionModel, { description: 'Your notifications, newest first.' })
  async notifications(
    @CurrentViewer() viewer: Viewer,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 20 }) first: number,
    @Args('after', { nullable: true }) after?: string,
  ) {
    const page = await this.service.list(viewer, first, after);
    return { ...page, edges: page.edges.map((e) => ({ cursor: e.cursor, node: { ...e.node, payload: JSON.stringify(e.node.payload) } })) };
  }

  @Mutation(() => Int, { description: 'Marks your notifications read (these ids, or all for an empty list); returns how many changed.' })
  markNotificationsRead(@CurrentViewer() viewer: Viewer, @Args('ids', { type: () => [ID] }) ids: string[]) {
    return this.service.markRead(viewer, ids);
  }
}
