import { Module } from '@nestjs/common';
import { FilesModule } from '../files/files.module';
import { ListingsModule } from '../listings/listings.module';
import { VocabularyModule } from '../vocabulary/vocabulary.module';
import { AasController } from './aas.controller';
import { AasResultFilter } from './aas-result.filter';
import { AasService } from './aas.service';

/** The read-only AAS API under /aas (IDTA-01002 Part 2 subset) over published listings (#17). Reads through ListingsService only. */
@Module({
  imports: [ListingsModule, VocabularyModule, FilesModule],
  controllers: [AasController],
  providers: [AasService, AasResultFilter],
})
export class AasModule {}
