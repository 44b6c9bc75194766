import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity/identity.module';
import { ListingsModule } from '../listings/listings.module';
import { VerificationModule } from '../verification/verification.module';
import { VocabularyModule } from '../vocabulary/vocabulary.module';
import { ProgramsRepository } from './programs.repository';
import { ProgramsResolver } from './programs.resolver';
import { ProgramsService } from './programs.service';
import { VentureDeductionResolver } from './venture-deduction.resolver';

/**
 * Support programs (정부 지원사업): the staff-curated catalogue, eligibility of organizations and
 * demands with reasons, and the staff rule preview. Above identity, verification, listings and
 * vocabulary, whose services it reads; nothing imports it but the demo seeder.
 */
@Module({
  imports: [IdentityModule, VerificationModule, ListingsModule, VocabularyModule],
  providers: [ProgramsRepository, ProgramsService, ProgramsResolver, VentureDeductionResolver],
  exports: [ProgramsService],
})
export class ProgramsModule {}
