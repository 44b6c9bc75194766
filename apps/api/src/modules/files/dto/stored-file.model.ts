import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

/**
 * A stored file, for other modules' resolvers (return the records of FilesService.filesOf or the
 * FilesLoaders). `downloadUrl` is resolved by the files module for the viewer.
 */
@ObjectType('StoredFile', { description: 'An uploaded file: its sanitised name, size, type (told by its bytes) and SHA-256.' })
export class StoredFileModel {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field(() => Int, { description: 'Bytes.' }) size: number;
  @Field({ description: 'The content type told by the bytes (application/pdf, image/png, …).' }) contentType: string;
  @Field({ description: 'SHA-256 of the bytes, hex.' }) sha256: string;
  @Field() uploadedAt: Date;
}
