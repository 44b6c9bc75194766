import { useId, useState } from 'react';
import { useClient, type CombinedError } from 'urql';
import type { SuggestDemandFieldsQuery as SuggestResult } from '@/generated/graphql';
import { type Translate, useGraphqlLocale, useT } from '@/i18n';
import { FormAlert, summariseError } from '@/shared/forms';
import { SuggestDemandFieldsQuery } from '../graphql/operations';
import { schemeKey } from '../model/labels';

export type DemandFieldSuggestion = SuggestResult['suggestDemandFields'][number];

/** The structured demand fields a suggestion can name. */
export const SUGGESTION_FIELDS = ['tasks', 'modalities', 'industries', 'integrations', 'deployments', 'certifications'] as const;
export type SuggestionField = (typeof SUGGESTION_FIELDS)[number];

const FIELD_SCHEME: Record<SuggestionField, string> = {
  tasks: 'task',
  modalities: 'modality',
  industries: 'industry',
  integrations: 'integration',
  deployments: 'deployment',
  certifications: 'certification',
};

export function isSuggestionField(field: string): field is SuggestionField {
  return (SUGGESTION_FIELDS as readonly string[]).includes(field);
}

const suggestionKey = (suggestion: Pick<DemandFieldSuggestion, 'field' | 'conceptId'>) => `${suggestion.field}:${suggestion.conceptId}`;

const SPAN_KIND_KEY = { name: 'drafting.kind.name', compound: 'drafting.kind.compound', partial: 'drafting.kind.partial' } as const;

/** The words that named a suggestion, each with the vocabulary name it matched when that differs (이물질을 = 이물질). */
function evidenceText(suggestion: DemandFieldSuggestion, t: Translate): { words: string; why: string } {
  if (suggestion.spans.length === 0) return { words: suggestion.evidence.join(', '), why: '' };
  const words = suggestion.spans.map((s) =>
    s.text === s.name.toLowerCase() ? s.text : t('drafting.span', { text: s.text, name: s.name }),
  );
  const why = suggestion.spans
    .map((s) => `${s.text}: ${t(SPAN_KIND_KEY[s.kind as keyof typeof SPAN_KIND_KEY] ?? 'drafting.kind.name')}`)
    .join('\n');
  return { words: [...new Set(words)].join(', '), why };
}

export interface DraftingHelpProps {
  /** Whether the form already holds the concept in that field. */
  isAccepted: (field: SuggestionField, conceptId: string) => boolean;
  /** Adds the concept id to the form's field. */
  onAccept: (field: SuggestionField, conceptId: string) => void;
  /** Fields the form can hold (others are shown, but cannot be added). */
  supports: (field: SuggestionField) => boolean;
  /** Text to start from (e.g. the description written so far). */
  initialText?: string;
}

/**
 * Drafting help in the demand editor: a few sentences → suggestDemandFields → one chip per
 * suggestion with the concept and the words that triggered it, to accept or dismiss.
 */
export function DraftingHelp({ isAccepted, onAccept, supports, initialText = '' }: DraftingHelpProps) {
  const t = useT();
  const client = useClient();
  const locale = useGraphqlLocale();
  const id = useId();
  const [text, setText] = useState(initialText);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<CombinedError | undefined>(undefined);
  const [suggestions, setSuggestions] = useState<DemandFieldSuggestion[] | null>(null);
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(new Set());

  const suggest = async () => {
    if (!text.trim()) return;
    setBusy(true);
    setFailure(undefined);
    const result = await client.query(SuggestDemandFieldsQuery, { text, locale }, { requestPolicy: 'network-only' }).toPromise();
    setBusy(false);
    if (!result.data) {
      setFailure(result.error);
      return;
    }
    setSuggestions(result.data.suggestDemandFields);
    setDismissed(new Set());
  };

  const shown = (suggestions ?? []).filter((suggestion) => !dismissed.has(suggestionKey(suggestion)));

  return (
    <section className="drafting-help" aria-labelledby={`${id}-title`} data-testid="drafting-help">
      <h3 id={`${id}-title`} className="drafting-help__title">
        {t('drafting.title')}
      </h3>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-text`}>
          {t('drafting.label')}
        </label>
        <textarea
          id={`${id}-text`}
          lang="ko"
          rows={3}
          value={text}
          placeholder={t('drafting.placeholder')}
          onChange={(event) => setText(event.target.value)}
          aria-describedby={`${id}-hint`}
          data-testid="drafting-text"
        />
        <p className="field__hint" id={`${id}-hint`}>
          {t('drafting.hint')}
        </p>
      </div>
      <div className="button-row">
        <button
          type="button"
          className="button button--small"
          onClick={() => void suggest()}
          disabled={busy || !text.trim()}
          data-testid="drafting-suggest"
        >
          {busy ? t('drafting.suggesting') : t('drafting.suggest')}
        </button>
      </div>
      {failure ? (
        <FormAlert
          summary={summariseError(failure, { networkMessage: t('error.network'), unknownMessage: t('error.unknown') })}
          testId="drafting-alert"
        />
      ) : null}
      {suggestions !== null && suggestions.length === 0 ? (
        <p className="muted" role="status" data-testid="drafting-none">
          {t('drafting.none')}
        </p>
      ) : null}
      {shown.length > 0 ? (
        <div role="status">
          <h4 className="visually-hidden">{t('drafting.suggestions')}</h4>
          <ul className="suggestion-chips" data-testid="drafting-suggestions">
            {shown.map((suggestion) => {
              const field = isSuggestionField(suggestion.field) ? suggestion.field : null;
              const label = suggestion.concept?.label ?? suggestion.conceptId;
              const scheme = schemeKey(field ? FIELD_SCHEME[field] : suggestion.field);
              const accepted = field !== null && isAccepted(field, suggestion.conceptId);
              const addable = field !== null && supports(field);
              const evidence = evidenceText(suggestion, t);
              return (
                <li
                  key={suggestionKey(suggestion)}
                  className={[
                    'suggestion-chip',
                    accepted ? 'suggestion-chip--accepted' : '',
                    suggestion.partial ? 'suggestion-chip--partial' : '',
                  ]
                    .filter(Boolean)
                    .join(' ')}
                  data-testid={`drafting-suggestion-${suggestion.conceptId}`}
                  data-field={suggestion.field}
                  data-accepted={accepted}
                >
                  <span className="suggestion-chip__text">
                    {scheme ? <span className="suggestion-chip__field">{t(scheme)}</span> : null}
                    <strong className="suggestion-chip__label">{label}</strong>
                    {suggestion.evidence.length > 0 ? (
                      <span className="suggestion-chip__evidence" title={evidence.why || undefined} data-testid="drafting-evidence">
                        {t('drafting.evidence', { words: evidence.words })}
                      </span>
                    ) : null}
                    {suggestion.partial ? <span className="badge">{t('drafting.partial')}</span> : null}
                  </span>
                  <span className="suggestion-chip__actions">
                    {accepted ? (
                      <span className="badge badge--verified">{t('drafting.accepted')}</span>
                    ) : (
                      <button
                        type="button"
                        className="button button--small"
                        onClick={() => field && onAccept(field, suggestion.conceptId)}
                        disabled={!addable}
                        title={addable ? undefined : t('drafting.unsupported')}
                        aria-label={t('drafting.acceptLabel', { label })}
                        data-testid={`drafting-accept-${suggestion.conceptId}`}
                      >
                        {t('drafting.accept')}
                      </button>
                    )}
                    <button
                      type="button"
                      className="button button--ghost button--small"
                      onClick={() => setDismissed((current) => new Set([...current, suggestionKey(suggestion)]))}
                      aria-label={t('drafting.rejectLabel', { label })}
                      data-testid={`drafting-reject-${suggestion.conceptId}`}
                    >
                      {t('drafting.reject')}
                    </button>
                  </span>
                </li>
              );
            })}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
