import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity/identity.module';
import { VocabularyModule } from '../vocabulary/vocabulary.module';
import { CaseStudiesRepository } from './case-studies.repository';
import { CaseStudyResolver, OrganizationCaseStudiesResolver } from './case-studies.resolver';
import { CaseStudiesService } from './case-studies.service';

/**
 * What an organization shows on its profile beyond identity's facts: case studies / references
 * (#14 item 2). Above identity (owners, the organization lock) and vocabulary (industry and task
 * concepts), below listings; nothing imports it yet.
 */
@Module({
  imports: [IdentityModule, VocabularyModule],
  providers: [CaseStudiesRepository, CaseStudiesService, CaseStudyResolver, OrganizationCaseStudiesResolver],
  exports: [CaseStudiesService],
})
export class ShowcaseModule {}
