export { FILES_ENDPOINT, formatFileSize, uploadFile, UploadError, type UploadHandle, type UploadOptions } from './upload-file';
