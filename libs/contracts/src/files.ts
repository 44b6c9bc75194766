/** Stored files (evidence, later RFPs, proposals and chat files): kinds, the allowed types, the upload route's limits. */

/** What an upload is for; each kind has its own size limit (FILES_MAX_BYTES_<KIND>, default FILES_MAX_BYTES). */
export enum FileKind {
  /** Evidence for organization verification and certification claims (사업자등록증, certificates). */
  EVIDENCE = 'evidence',
  /** Documents attached to listings, bids and chats (RFPs, proposals). */
  DOCUMENT = 'document',
}

/** The allowed types, told by their bytes (never by the name's extension), with the content type a download carries. */
export const ALLOWED_FILE_TYPES = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  hwp: 'application/x-hwp',
  hwpx: 'application/hwp+zip',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

export type AllowedFileType = keyof typeof ALLOWED_FILE_TYPES;

/** The default size limit of an upload of any kind (20 MiB). */
export const DEFAULT_FILE_MAX_BYTES = 20 * 1024 * 1024;

/** Longest stored file name, in characters (the extension is kept when a longer name is cut). */
export const FILE_NAME_MAX_LENGTH = 200;

/** What `POST /files?kind=<kind>` (multipart/form-data, one part named `file`) answers with (201). */
export interface UploadedFile {
  id: string;
  name: string;
  size: number;
  contentType: string;
  sha256: string;
}
