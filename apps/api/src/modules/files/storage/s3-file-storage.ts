import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
  type S3ClientConfig,
} from '@aws-sdk/client-s3';
import { createReadStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { Readable } from 'node:stream';
import type { FileStorage } from './file-storage';

export interface S3StorageSettings {
  S3_ENDPOINT?: string;
  S3_BUCKET?: string;
  S3_REGION: string;
  S3_ACCESS_KEY_ID?: string;
  S3_SECRET_ACCESS_KEY?: string;
  S3_FORCE_PATH_STYLE: boolean;
}

/** The S3 client's settings from config: a custom endpoint for S3-compatible servers, static keys when given (else the AWS default chain). */
export function s3ClientConfig(settings: S3StorageSettings): S3ClientConfig {
  return {
    region: settings.S3_REGION,
    // Checksums only where the API requires them: the SDK's default streams uploads as aws-chunked
    // with a trailing CRC, which many S3-compatible servers store verbatim (bytes are checked by
    // their SHA-256 at upload time anyway).
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    ...(settings.S3_ENDPOINT ? { endpoint: settings.S3_ENDPOINT } : {}),
    forcePathStyle: settings.S3_FORCE_PATH_STYLE,
    ...(settings.S3_ACCESS_KEY_ID && settings.S3_SECRET_ACCESS_KEY
      ? { credentials: { accessKeyId: settings.S3_ACCESS_KEY_ID, secretAccessKey: settings.S3_SECRET_ACCESS_KEY } }
      : {}),
  };
}

/** Files in an S3-compatible bucket (S3_BUCKET), object key `files/<key>`; the spool file is uploaded, then removed. */
export class S3FileStorage implements FileStorage {
  readonly name = 's3' as const;

  constructor(
    private readonly client: S3Client,
    private readonly bucket: string,
  ) {}

  static fromSettings(settings: S3StorageSettings): S3FileStorage {
    if (!settings.S3_BUCKET) throw new Error('S3_BUCKET is required for the S3 file storage');
    return new S3FileStorage(new S3Client(s3ClientConfig(settings)), settings.S3_BUCKET);
  }

  async store(key: string, spoolPath: string, meta: { size: number; contentType: string }): Promise<void> {
    try {
      await this.client.send(
        new PutObjectCommand({
          Bucket: this.bucket,
          Key: objectKey(key),
          Body: createReadStream(spoolPath),
          ContentLength: meta.size,
          ContentType: meta.contentType,
        }),
      );
    } finally {
      await rm(spoolPath, { force: true });
    }
  }

  async open(key: string): Promise<Readable> {
    const object = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: objectKey(key) }));
    if (!object.Body) throw new Error(`no body for ${key}`);
    return object.Body instanceof Readable ? object.Body : Readable.fromWeb(object.Body.transformToWebStream() as never);
  }

  async delete(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: objectKey(key) }));
  }

  async exists(key: string): Promise<boolean> {
    try {
      await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: objectKey(key) }));
      return true;
    } catch (err) {
      const status = (err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
      if (status === 404) return false;
      throw err;
    }
  }

  destroy(): void {
    this.client.destroy();
  }
}

const objectKey = (key: string) => `files/${key}`;
