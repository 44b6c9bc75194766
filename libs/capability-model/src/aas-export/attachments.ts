/**
 * The listing's public files as an own submodel `ListingFiles` (urn:aimatch:submodel:ListingFiles:1:0):
 * a SubmodelElementList of File elements whose value is the file's part in the .aasx package
 * (`/aasx/files/…`). Written only into packages, where the files travel along; import ignores it.
 */
import type * as aas from '@aas-core-works/aas-core3.0-typescript';
import type { LocalizedText } from '../vocabulary';
import { clean, cut, globalRef, NAME_MAX, names, T, texts } from './builders';

export const LISTING_FILES_SUBMODEL = {
  idShort: 'ListingFiles',
  semanticId: 'urn:aimatch:submodel:ListingFiles:1:0',
  labels: { ko: '첨부 파일', en: 'Listing files' } satisfies LocalizedText,
  description: {
    ko: '등록 건의 공개 첨부 파일 (.aasx 패키지의 보조 파일).',
    en: "The listing's public files (supplementary files of the .aasx package).",
  },
} as const;
export const LISTING_FILE_ELEMENT = {
  semanticId: 'urn:aimatch:element:ListingFiles:file',
  labels: { ko: '첨부 파일', en: 'File' } satisfies LocalizedText,
} as const;
export const LISTING_FILES_LIST = {
  idShort: 'files',
  semanticId: 'urn:aimatch:element:ListingFiles:files',
  labels: { ko: '파일 목록', en: 'Files' } satisfies LocalizedText,
} as const;

export interface Attachment {
  /** The file's name as uploaded (any script); the File element's display name. */
  name: string;
  /** MIME type, e.g. `application/pdf`. */
  contentType: string;
  /** Absolute part path in the package, `/aasx/files/…` (ASCII). */
  path: string;
}

const MIME = /^[a-zA-Z0-9!#$%&'*+.^_`|~-]+\/[a-zA-Z0-9!#$%&'*+.^_`|~-]+$/;

export function attachmentsSubmodel(attachments: readonly Attachment[], id: string, version: string | null): aas.types.Submodel {
  const files = attachments.map(
    (a) =>
      new T.File(
        MIME.test(a.contentType) ? a.contentType : 'application/octet-stream',
        null,
        null,
        null,
        [new T.LangStringNameType('ko', cut(clean(a.name), NAME_MAX) || 'file')],
        null,
        globalRef(LISTING_FILE_ELEMENT.semanticId),
        null,
        null,
        null,
        a.path,
      ),
  );
  const list = new T.SubmodelElementList(
    T.AasSubmodelElements.File,
    null,
    null,
    LISTING_FILES_LIST.idShort,
    names(LISTING_FILES_LIST.labels),
    null,
    globalRef(LISTING_FILES_LIST.semanticId),
    null,
    null,
    null,
    true,
    globalRef(LISTING_FILE_ELEMENT.semanticId),
    null,
    files.length ? files : null,
  );
  const s = LISTING_FILES_SUBMODEL;
  return new T.Submodel(
    id,
    null,
    null,
    s.idShort,
    names(s.labels),
    texts(s.description),
    new T.AdministrativeInformation(null, version, null, null, s.semanticId),
    T.ModellingKind.Instance,
    globalRef(s.semanticId),
    null,
    null,
    null,
    [list],
  );
}
