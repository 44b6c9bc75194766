import { Injectable } from '@nestjs/common';
import type { LoaderFactory } from '../../graphql/loader-registry';
import type { FileOwner, StoredFileRecord } from './dto/file.records';
import { FilesRepository, ownerKey } from './files.repository';

/** Per-request DataLoader factories for other modules' resolvers (`rc.loaders.get(filesLoaders.byOwner).load(FilesLoaders.key(owner))`). */
@Injectable()
export class FilesLoaders {
  /** A file by id (null when unknown). */
  readonly file: LoaderFactory<string, StoredFileRecord | null>;
  /** The attached files of an owner, oldest first, keyed by `FilesLoaders.key(owner)`; one query per owner type. */
  readonly byOwner: LoaderFactory<string, StoredFileRecord[]>;

  constructor(repository: FilesRepository) {
    this.file = repository.byIdLoader;
    this.byOwner = repository.byOwnerLoader;
  }

  static key(owner: FileOwner): string {
    return ownerKey(owner);
  }
}
