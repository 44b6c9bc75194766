import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity/identity.module';
import { ListingsModule } from '../listings/listings.module';
import { CurationJobs } from './curation.jobs';
import { CurationRepository } from './curation.repository';
import { CurationResolver } from './curation.resolver';
import { CurationService } from './curation.service';

/**
 * Automated pre-checks for the staff curation queue: the near-duplicate index (fingerprints with
 * LSH bands), stored reports, the prohibited keyword list and bulk approval. Above listings (whose
 * `listing.changed` events it follows and whose workflow approves) and identity; nothing imports it.
 */
@Module({
  imports: [IdentityModule, ListingsModule],
  providers: [CurationRepository, CurationService, CurationResolver, CurationJobs],
  exports: [CurationService],
})
export class CurationModule {}
