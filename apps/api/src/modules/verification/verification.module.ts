import { Module } from '@nestjs/common';
import { FilesModule } from '../files/files.module';
import { IdentityModule } from '../identity/identity.module';
import { ListingsModule } from '../listings/listings.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { VerificationRepository } from './verification.repository';
import { OrganizationVerificationResolver, VerificationResolver } from './verification.resolver';
import { VerificationService } from './verification.service';

/**
 * The association verifies organizations (requests, the staff queue, decisions) and suspends
 * them. Above identity (whose organization status it changes through IdentityService), listings
 * (listings count for the review), notifications and files (evidence); nothing imports it.
 */
@Module({
  imports: [FilesModule, IdentityModule, ListingsModule, NotificationsModule],
  providers: [VerificationRepository, VerificationService, VerificationResolver, OrganizationVerificationResolver],
  exports: [VerificationService],
})
export class VerificationModule {}
