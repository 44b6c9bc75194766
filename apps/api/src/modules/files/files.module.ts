import { Module } from '@nestjs/common';
import { APP_CONFIG } from '../../config/config.module';
import type { AppConfig } from '../../config/config.schema';
import { FilesController } from './files.controller';
import { FilesJobs } from './files.jobs';
import { FilesLoaders } from './files.loaders';
import { FilesRepository } from './files.repository';
import { StoredFileResolver } from './files.resolver';
import { filesDirOf, FilesService } from './files.service';
import { FILE_STORAGE, type FileStorage } from './storage/file-storage';
import { LocalFileStorage } from './storage/local-file-storage';
import { S3FileStorage } from './storage/s3-file-storage';

/**
 * Stored files for every module above it: uploads, attachment to an owner object in the owner's
 * transaction, downloads under the owner's access rule, the sweep. Local disk by default, an
 * S3-compatible bucket when S3_BUCKET is set.
 */
@Module({
  controllers: [FilesController],
  providers: [
    {
      provide: FILE_STORAGE,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): FileStorage =>
        config.S3_BUCKET ? S3FileStorage.fromSettings(config) : new LocalFileStorage(filesDirOf(config)),
    },
    FilesRepository,
    FilesService,
    FilesLoaders,
    StoredFileResolver,
    FilesJobs,
  ],
  exports: [FilesService, FilesLoaders],
})
export class FilesModule {}
