import { useT } from '@/i18n';

interface ConceptLike {
  id: string;
  label: string;
  deprecated?: boolean;
}

/** Read-only concept labels (in the UI language) as tags; `—` when empty. */
export function ConceptList({ concepts, testId, limit }: { concepts: readonly ConceptLike[]; testId?: string; limit?: number }) {
  const t = useT();
  if (concepts.length === 0) return <span className="muted">{t('common.notProvided')}</span>;
  const shown = limit !== undefined ? concepts.slice(0, limit) : concepts;
  const hidden = concepts.length - shown.length;
  return (
    <ul className="tags" data-testid={testId}>
      {shown.map((concept) => (
        <li key={concept.id} className={concept.deprecated ? 'tag tag--deprecated' : 'tag'} data-concept-id={concept.id}>
          {concept.label}
          {concept.deprecated ? <span className="visually-hidden"> ({t('vocabulary.deprecated')})</span> : null}
        </li>
      ))}
      {hidden > 0 ? <li className="tag tag--more">{t('listing.moreConcepts', { count: hidden })}</li> : null}
    </ul>
  );
}
