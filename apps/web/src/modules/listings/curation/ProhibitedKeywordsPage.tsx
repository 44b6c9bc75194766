import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { useFormatters, useT } from '@/i18n';
import { FormAlert, useFormErrors } from '@/shared/forms';
import { ADD_PROHIBITED_KEYWORD, PROHIBITED_KEYWORDS, REMOVE_PROHIBITED_KEYWORD, type ProhibitedKeyword } from './curation-api';

const PATHS = ['term', 'note'] as const;

/** `/staff/prohibited-keywords`: the staff-editable list the pre-checks flag (add with a note, remove). */
export function ProhibitedKeywordsPage() {
  const t = useT();
  const format = useFormatters();
  const form = useFormErrors(PATHS);
  const [{ data, fetching, error }, reexecute] = useQuery<{ prohibitedKeywords: ProhibitedKeyword[] }>({
    query: PROHIBITED_KEYWORDS,
    requestPolicy: 'network-only',
  });
  const [addState, add] = useMutation<{ addProhibitedKeyword: ProhibitedKeyword }, { term: string; note: string | null }>(
    ADD_PROHIBITED_KEYWORD,
  );
  const [removeState, remove] = useMutation<unknown, { id: string }>(REMOVE_PROHIBITED_KEYWORD);
  const [term, setTerm] = useState('');
  const [note, setNote] = useState('');
  const [removeFailed, setRemoveFailed] = useState(false);
  const keywords = data?.prohibitedKeywords ?? [];

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    form.clear();
    if (term.trim() === '') {
      form.setFieldMessages({ term: t('keywords.termRequired') });
      return;
    }
    const r = await add({ term: term.trim(), note: note.trim() || null });
    if (r.error) {
      form.setError(r.error);
      return;
    }
    setTerm('');
    setNote('');
    reexecute({ requestPolicy: 'network-only' });
  };

  const onRemove = async (id: string) => {
    setRemoveFailed(false);
    const r = await remove({ id });
    if (r.error) setRemoveFailed(true);
    else reexecute({ requestPolicy: 'network-only' });
  };

  const termErrors = form.fieldErrors('term');

  return (
    <div className="page page--narrow curation-keywords" data-testid="keywords-page">
      <nav className="breadcrumbs" aria-label={t('listing.breadcrumbs')}>
        <Link to="/staff/review">{t('curation.title')}</Link>
      </nav>
      <div className="page__header">
        <div>
          <h1>{t('keywords.title')}</h1>
          <p className="page__lead">{t('keywords.lead')}</p>
        </div>
      </div>

      <form className="card form" onSubmit={(event) => void onSubmit(event)} noValidate aria-busy={addState.fetching}>
        <FormAlert summary={form.summary} testId="keywords-alert" />
        <div className={termErrors.length > 0 ? 'field field--invalid' : 'field'}>
          <label className="field__label" htmlFor={form.ids('term').control}>
            {t('keywords.term')}
          </label>
          <input
            {...form.controlProps('term')}
            value={term}
            maxLength={100}
            onChange={(event) => setTerm(event.target.value)}
            data-testid="keywords-term"
          />
          {termErrors.length > 0 ? (
            <p className="field__error" id={form.ids('term').error}>
              {termErrors.map((e) => e.message).join(' ')}
            </p>
          ) : null}
        </div>
        <div className="field">
          <label className="field__label" htmlFor={form.ids('note').control}>
            {t('keywords.note')}
          </label>
          <input
            {...form.controlProps('note')}
            value={note}
            maxLength={500}
            onChange={(event) => setNote(event.target.value)}
            data-testid="keywords-note"
          />
        </div>
        <div className="button-row">
          <button type="submit" className="button" disabled={addState.fetching} data-testid="keywords-add">
            {addState.fetching ? t('common.working') : t('keywords.add')}
          </button>
        </div>
      </form>

      {error && !data ? (
        <p className="alert alert--warning" role="status" data-testid="keywords-unavailable">
          {t('keywords.failed')}
        </p>
      ) : null}
      {removeFailed ? (
        <p className="field__error" role="alert" data-testid="keywords-remove-failed">
          {t('keywords.removeFailed')}
        </p>
      ) : null}
      {keywords.length > 0 ? (
        <ul className="card curation-keywords__list" data-testid="keywords-list">
          {keywords.map((k) => (
            <li key={k.id} className="curation-keywords__item" data-testid={`keyword-${k.id}`}>
              <div>
                <p className="curation-keywords__term">{k.term}</p>
                {k.note ? <p className="muted">{k.note}</p> : null}
                <p className="muted">{format.date(k.createdAt)}</p>
              </div>
              <button
                type="button"
                className="button button--small button--danger-ghost"
                disabled={removeState.fetching}
                onClick={() => void onRemove(k.id)}
                aria-label={t('keywords.removeLabel', { term: k.term })}
                data-testid={`keyword-remove-${k.id}`}
              >
                {t('keywords.remove')}
              </button>
            </li>
          ))}
        </ul>
      ) : !fetching && data ? (
        <p className="empty card" data-testid="keywords-empty">
          {t('keywords.empty')}
        </p>
      ) : null}
    </div>
  );
}
