import { Module } from '@nestjs/common';
import { FilesModule } from '../files/files.module';
import { IdentityModule } from '../identity/identity.module';
import { ListingsModule } from '../listings/listings.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { VocabularyModule } from '../vocabulary/vocabulary.module';
import { CertificationJobs } from './certification.jobs';
import { CertificationLoaders } from './certification.loaders';
import { CertificationRepository } from './certification.repository';
import { CertificationClaimResolver, OrganizationCertificationResolver } from './certification.resolver';
import { CertificationService } from './certification.service';
import { VerificationRepository } from './verification.repository';
import { OrganizationVerificationResolver, VerificationResolver } from './verification.resolver';
import { VerificationService } from './verification.service';
import { VerifiedSuppliersResolver } from './verified-suppliers.resolver';
import { VerifiedSuppliersService } from './verified-suppliers.service';

/**
 * The association verifies organizations (requests, the staff queue, decisions) and suspends
 * them. Above identity (whose organization status it changes through IdentityService), listings
 * (listings count for the review), notifications, files (evidence) and vocabulary (certification
 * concepts); nothing imports it. Also certification claims (certification.service.ts).
 */
@Module({
  imports: [FilesModule, IdentityModule, ListingsModule, NotificationsModule, VocabularyModule],
  providers: [
    VerificationRepository,
    VerificationService,
    VerificationResolver,
    OrganizationVerificationResolver,
    CertificationRepository,
    CertificationLoaders,
    CertificationService,
    CertificationClaimResolver,
    OrganizationCertificationResolver,
    CertificationJobs,
    VerifiedSuppliersService,
    VerifiedSuppliersResolver,
  ],
  exports: [VerificationService, CertificationService, CertificationLoaders],
})
export class VerificationModule {}
