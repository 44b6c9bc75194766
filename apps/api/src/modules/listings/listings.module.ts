import { Module } from '@nestjs/common';
import { FilesModule } from '../files/files.module';
import { IdentityModule } from '../identity/identity.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { VocabularyModule } from '../vocabulary/vocabulary.module';
import { ListingAccessPolicy } from './listing-access.policy';
import {
  CapabilityElementsResolver,
  DataProfileResolver,
  ListingFieldsResolver,
  ReferenceCaseResolver,
  TrustProfileResolver,
} from './listing-fields.resolver';
import { ListingFilesResolver } from './listing-files.resolver';
import { ListingFilesService } from './listing-files.service';
import { ListingLoaders } from './listings.loaders';
import { ListingsRepository } from './listings.repository';
import { ListingsResolver } from './listings.resolver';
import { ListingsService } from './listings.service';
import { OrganizationListingsResolver } from './organization-listings.resolver';

/** Demand and supply listings: content in the standard submodels, the review workflow, AAS export/import. */
@Module({
  imports: [IdentityModule, VocabularyModule, NotificationsModule, FilesModule],
  providers: [
    ListingsRepository,
    ListingLoaders,
    ListingAccessPolicy,
    ListingsService,
    ListingsResolver,
    ListingFieldsResolver,
    CapabilityElementsResolver,
    DataProfileResolver,
    TrustProfileResolver,
    ReferenceCaseResolver,
    OrganizationListingsResolver,
    ListingFilesService,
    ListingFilesResolver,
  ],
  exports: [ListingsService, ListingAccessPolicy, ListingLoaders],
})
export class ListingsModule {}
