import { Module } from '@nestjs/common';
import { BidsModule } from '../bids/bids.module';
import { ChatModule } from '../chat/chat.module';
import { FilesModule } from '../files/files.module';
import { IdentityModule } from '../identity/identity.module';
import { ListingsModule } from '../listings/listings.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { ProjectsRepository } from './projects.repository';
import { ProjectEventResolver, ProjectMilestoneResolver, ProjectsResolver } from './projects.resolver';
import { ProjectsService } from './projects.service';

/**
 * The project after the award (above bids): the accepted bid's milestones as the plan,
 * deliveries with files, acceptance or rework, the history, completion (all accepted or agreed).
 */
@Module({
  imports: [BidsModule, ChatModule, FilesModule, IdentityModule, ListingsModule, NotificationsModule],
  providers: [ProjectsRepository, ProjectsService, ProjectsResolver, ProjectMilestoneResolver, ProjectEventResolver],
  exports: [ProjectsService],
})
export class ProjectsModule {}
