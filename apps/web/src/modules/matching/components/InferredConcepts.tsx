import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import type { InferredConceptDecision } from '@/generated/graphql';
import { useGraphqlLocale, useT } from '@/i18n';
import { FormAlert, summariseError } from '@/shared/forms';
import { DecideInferredConceptMutation, InferredConceptsQuery } from '../graphql/operations';
import { schemeKey } from '../model/labels';

/**
 * On the demand's page, for its owner: concepts matching read from the text, as suggestions to
 * confirm (counted as stated) or remove (no longer counted), each undoable (#14 item 8).
 * `onChange` lets the match list rank again.
 */
export function InferredConcepts({ demandId, onChange }: { demandId: string; onChange: () => void }) {
  const t = useT();
  const locale = useGraphqlLocale();
  const [{ data }] = useQuery({ query: InferredConceptsQuery, variables: { id: demandId, locale } });
  const [state, decide] = useMutation(DecideInferredConceptMutation);
  const [pending, setPending] = useState<string | null>(null);
  const fromQuery = data?.listing && 'inferredConcepts' in data.listing ? data.listing.inferredConcepts : null;
  const [latest, setLatest] = useState<typeof fromQuery>(null);
  const concepts = latest ?? fromQuery ?? [];
  if (concepts.length === 0) return null;

  const choose = async (conceptId: string, scheme: string, decision: InferredConceptDecision | null) => {
    setPending(conceptId);
    const result = await decide({ demandId, conceptId, scheme, decision, locale });
    setPending(null);
    if (result.data) {
      setLatest(result.data.decideInferredConcept);
      onChange();
    }
  };
  const confirmable = (scheme: string) => ['task', 'industry', 'modality', 'integration'].includes(scheme);

  return (
    <section className="inferred-concepts" aria-labelledby="inferred-concepts-heading" data-testid="inferred-concepts">
      <h3 id="inferred-concepts-heading" className="match-card__subtitle">
        {t('matching.inferredConcepts.title')}
      </h3>
      <p className="muted">{t('matching.inferredConcepts.lead')}</p>
      <ul className="inferred-concepts__list">
        {concepts.map((c) => {
          const scheme = schemeKey(c.scheme);
          const busy = pending === c.conceptId;
          return (
            <li
              key={c.conceptId}
              className={`inferred-concept inferred-concept--${(c.decision ?? 'open').toLowerCase()}`}
              data-testid={`inferred-${c.conceptId}`}
              data-decision={c.decision ?? ''}
            >
              <span className="inferred-concept__label">
                {scheme ? <span className="tag__scheme">{t(scheme)} · </span> : null}
                {c.concept?.label ?? c.conceptId}
              </span>
              {c.evidence.length > 0 ? (
                <span className="inferred-concept__evidence muted">
                  {t('matching.inferredConcepts.evidence', { words: c.evidence.join(', ') })}
                </span>
              ) : null}
              <span className="inferred-concept__state">
                {c.decision === 'CONFIRMED'
                  ? t('matching.inferredConcepts.confirmed')
                  : c.decision === 'DISMISSED'
                    ? t('matching.inferredConcepts.dismissed')
                    : null}
              </span>
              <span className="button-row">
                {c.decision === null ? (
                  <>
                    {confirmable(c.scheme) ? (
                      <button
                        type="button"
                        className="button button--small"
                        disabled={busy}
                        onClick={() => void choose(c.conceptId, c.scheme, 'CONFIRMED')}
                        data-testid={`inferred-confirm-${c.conceptId}`}
                      >
                        {t('matching.inferredConcepts.confirm')}
                      </button>
                    ) : null}
                    <button
                      type="button"
                      className="button button--ghost button--small"
                      disabled={busy}
                      onClick={() => void choose(c.conceptId, c.scheme, 'DISMISSED')}
                      data-testid={`inferred-remove-${c.conceptId}`}
                    >
                      {t('matching.inferredConcepts.remove')}
                    </button>
                  </>
                ) : (
                  <button
                    type="button"
                    className="button button--ghost button--small"
                    disabled={busy}
                    onClick={() => void choose(c.conceptId, c.scheme, null)}
                    data-testid={`inferred-undo-${c.conceptId}`}
                  >
                    {t('matching.inferredConcepts.undo')}
                  </button>
                )}
              </span>
            </li>
          );
        })}
      </ul>
      {state.error ? (
        <FormAlert summary={summariseError(state.error, { networkMessage: t('error.network'), unknownMessage: t('error.unknown') })} />
      ) : null}
    </section>
  );
}
