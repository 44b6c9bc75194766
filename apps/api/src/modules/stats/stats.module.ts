import { Module } from '@nestjs/common';
import { BidsModule } from '../bids/bids.module';
import { ChatModule } from '../chat/chat.module';
import { IdentityModule } from '../identity/identity.module';
import { ListingsModule } from '../listings/listings.module';
import { ProgramsModule } from '../programs/programs.module';
import { VerificationModule } from '../verification/verification.module';
import { VocabularyModule } from '../vocabulary/vocabulary.module';
import { StatsResolver } from './stats.resolver';
import { StatsService } from './stats.service';

/**
 * Market numbers for the association's staff (#15 item 4). Above every module whose tables it
 * counts, reading them only through their services' aggregate methods; owns no table; nothing imports it.
 */
@Module({
  imports: [VocabularyModule, IdentityModule, ListingsModule, ChatModule, BidsModule, VerificationModule, ProgramsModule],
  providers: [StatsService, StatsResolver],
})
export class StatsModule {}
