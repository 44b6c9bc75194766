import { Injectable } from '@nestjs/common';
import type { MessageLocale } from '@aimatch/validation';
import { LEGAL_DOCUMENT_KINDS, LEGAL_DOCUMENTS, type LegalDocumentKind, type LegalDocumentVersion } from './legal-documents';

export type { LegalDocumentKind } from './legal-documents';

export interface LegalDocumentView {
  kind: LegalDocumentKind;
  version: string;
  required: boolean;
  title: string;
  body: string;
}

/** Reads the versioned legal documents; the last entry of a kind in LEGAL_DOCUMENTS is its current version. */
@Injectable()
export class LegalDocumentService {
  /** The current version of every kind, in the given language. */
  current(locale: MessageLocale): LegalDocumentView[] {
    return LEGAL_DOCUMENT_KINDS.map((kind) => this.view(this.currentOf(kind), locale));
  }

  /** The current version of one kind. */
  currentOf(kind: LegalDocumentKind): LegalDocumentVersion {
    const versions = LEGAL_DOCUMENTS.filter((d) => d.kind === kind);
    return versions[versions.length - 1];
  }

  private view(doc: LegalDocumentVersion, locale: MessageLocale): LegalDocumentView {
    const text = locale === 'en' ? doc.en : doc.ko;
    return { kind: doc.kind, version: doc.version, required: doc.required, title: text.title, body: text.body };
  }
}
