import { Link, useParams } from 'react-router';
import { useT } from '@/i18n';
import { LoadingState } from '@/shared/ui/LoadingState';
import { useLegalDocuments } from '../model';
import { LegalDocumentBody } from './LegalDocumentText';

/** `/legal/:kind` (terms, privacy, marketing): the current version of one legal document, readable by anyone. */
export function LegalDocumentPage() {
  const t = useT();
  const { kind = '' } = useParams();
  const { documents, fetching } = useLegalDocuments();
  const doc = documents.find((d) => d.kind.toLowerCase() === kind.toLowerCase());
  if (!doc) {
    if (fetching) return <LoadingState label={t('common.loading')} />;
    return (
      <div className="page page--narrow">
        <h1>{t('legal.title')}</h1>
        <p>{t('legal.notFound')}</p>
        <Link to="/">{t('notFound.home')}</Link>
      </div>
    );
  }
  return (
    <div className="page page--narrow" data-testid={`legal-${doc.kind}`}>
      <h1>{doc.title}</h1>
      <p className="page__lead">{t('consent.version', { version: doc.version })}</p>
      <LegalDocumentBody body={doc.body} testId="legal-body" />
    </div>
  );
}
