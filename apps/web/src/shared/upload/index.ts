import './files.css';
export { FILES_ENDPOINT, formatFileSize, uploadFile, UploadError, type UploadHandle, type UploadOptions } from './upload-file';
export { AttachedFiles, previewKindOf, type AttachedFile, type PreviewKind } from './AttachedFiles';
export { DOCUMENT_ACCEPT, FileAttachField } from './FileAttachField';
export { useGraphqlErrorMessage } from './error-message';
