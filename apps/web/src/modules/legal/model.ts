import { useMemo } from 'react';
import { useQuery } from 'urql';
import type { LegalDocumentKind } from '@/generated/graphql';
import { useLocale } from '@/i18n';
import { LegalDocumentsQuery } from './graphql/operations';

export interface LegalDocumentText {
  kind: LegalDocumentKind;
  version: string;
  required: boolean;
  title: string;
  body: string;
}

/** A choice of consents: document kind → ticked. */
export type ConsentChoices = Partial<Record<LegalDocumentKind, boolean>>;

/** The current legal documents in the UI language (re-read when the language changes). */
export function useLegalDocuments(): { documents: LegalDocumentText[]; fetching: boolean; error: unknown } {
  const locale = useLocale();
  const context = useMemo(() => ({ requestPolicy: 'cache-and-network' as const, locale }), [locale]);
  const [{ data, fetching, error }] = useQuery({ query: LegalDocumentsQuery, context });
  return { documents: data?.legalDocuments ?? [], fetching, error };
}

/** The consents to send with a sign-up: the current version of every ticked document. */
export function chosenConsents(
  documents: readonly LegalDocumentText[],
  choices: ConsentChoices,
): { kind: LegalDocumentKind; version: string }[] {
  return documents.filter((d) => choices[d.kind]).map((d) => ({ kind: d.kind, version: d.version }));
}

/** The body of a document as paragraphs (the API keeps them separated by blank lines). */
export function paragraphs(body: string): string[] {
  return body.split(/\n\s*\n/).filter((p) => p.trim().length > 0);
}
