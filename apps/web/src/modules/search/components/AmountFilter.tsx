import { useEffect, useId, useState } from 'react';
import { useLocale, useT } from '@/i18n';
import { formatKrw, groupDigits } from '@/shared/format';
import { parseAmount } from '@/shared/forms';
import type { ApiFieldError } from '@/shared/forms';

interface AmountFilterProps {
  legend: string;
  min: number | null;
  max: number | null;
  onApply: (min: number | null, max: number | null) => void;
  /** Server errors for `filters.amountMin` / `filters.amountMax`. */
  errors: { min: readonly ApiFieldError[]; max: readonly ApiFieldError[] };
}

const toDraft = (value: number | null) => (value === null ? '' : String(value));

/**
 * Budget / price range in KRW (digits grouped by thousands as you type, the amount read out):
 * applied with the button or Enter, so that each change is one history entry.
 */
export function AmountFilter({ legend, min, max, onApply, errors }: AmountFilterProps) {
  const t = useT();
  const locale = useLocale();
  const id = useId();
  const [draftMin, setDraftMin] = useState(toDraft(min));
  const [draftMax, setDraftMax] = useState(toDraft(max));
  const [problem, setProblem] = useState<string | null>(null);

  // The URL changed (back button, a removed chip): show what is applied.
  useEffect(() => {
    setDraftMin(toDraft(min));
    setDraftMax(toDraft(max));
    setProblem(null);
  }, [min, max]);

  const parsedMin = parseAmount(draftMin);
  const parsedMax = parseAmount(draftMax);
  const changed = parsedMin !== min || parsedMax !== max;
  const messages = [problem, ...errors.min.map((e) => e.message), ...errors.max.map((e) => e.message)].filter(Boolean);

  const input = (which: 'min' | 'max', value: string, setValue: (value: string) => void) => {
    const parsed = which === 'min' ? parsedMin : parsedMax;
    const serverErrors = which === 'min' ? errors.min : errors.max;
    const invalid = parsed === 'invalid' || serverErrors.length > 0 || (problem !== null && which === 'max');
    return (
      <div className="amount-filter__field">
        <label className="amount-filter__label" htmlFor={`${id}-${which}`}>
          {which === 'min' ? t('search.amount.min') : t('search.amount.max')}
        </label>
        <div className="input-affix">
          <input
            id={`${id}-${which}`}
            type="text"
            inputMode="numeric"
            autoComplete="off"
            value={groupDigits(value)}
            onChange={(event) => {
              setValue(event.target.value.replace(/[\s,]/g, ''));
              setProblem(null);
            }}
            aria-invalid={invalid}
            aria-describedby={messages.length > 0 ? `${id}-error` : `${id}-hint`}
            data-testid={`search-amount-${which}`}
          />
          <span className="input-affix__unit" aria-hidden="true">
            {t('editor.unit.won')}
          </span>
        </div>
        {typeof parsed === 'number' && parsed >= 10_000 ? (
          <span className="amount__reading" data-testid={`search-amount-${which}-reading`}>
            {formatKrw(parsed, locale)}
          </span>
        ) : null}
      </div>
    );
  };

  return (
    <form
      className="amount-filter"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (parsedMin === 'invalid' || parsedMax === 'invalid') {
          setProblem(t('validation.amount'));
          return;
        }
        if (parsedMin !== null && parsedMax !== null && parsedMin > parsedMax) {
          setProblem(t('search.amount.order'));
          return;
        }
        onApply(parsedMin, parsedMax);
      }}
    >
      <fieldset className="facet">
        <legend className="facet__title">{legend}</legend>
        <div className="amount-filter__row">
          {input('min', draftMin, setDraftMin)}
          {input('max', draftMax, setDraftMax)}
        </div>
        {messages.length > 0 ? (
          <p className="field__error" id={`${id}-error`} data-testid="search-amount-error">
            {messages.join(' ')}
          </p>
        ) : (
          <p className="field__hint" id={`${id}-hint`}>
            {t('search.amount.hint')}
          </p>
        )}
        <button type="submit" className="button button--ghost button--small" disabled={!changed} data-testid="search-amount-apply">
          {t('search.amount.apply')}
        </button>
      </fieldset>
    </form>
  );
}
