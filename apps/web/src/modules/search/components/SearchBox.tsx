import { X } from 'lucide-react';
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useT } from '@/i18n';
import type { ApiFieldError } from '@/shared/forms';
import { useSuggestions, type Suggestion } from '../hooks/useSuggestions';
import { facetKey, isConceptFacet } from '../model/search-state';

interface SearchBoxProps {
  /** What is in the box (not yet searched while typing). */
  value: string;
  onChange: (value: string) => void;
  /** Search for the text in the box. */
  onSubmit: (text: string) => void;
  onPick: (suggestion: Suggestion) => void;
  /** Server errors about `q`, shown under the box. */
  errors: readonly ApiFieldError[];
}

/**
 * The search box as a combobox: suggestions as you type (debounced `suggest`), ↑/↓ to move,
 * Enter to pick the highlighted suggestion (or to search when none is), Esc to close.
 * Keys pressed while a Korean syllable is being composed belong to the IME and are ignored.
 */
export function SearchBox({ value, onChange, onSubmit, onPick, errors }: SearchBoxProps) {
  const t = useT();
  const id = useId();
  const listId = `${id}-suggestions`;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const inputRef = useRef<HTMLInputElement>(null);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const { suggestions } = useSuggestions(value, open);
  const showList = open && suggestions.length > 0;

  useEffect(() => setActive(-1), [suggestions]);

  const pick = (suggestion: Suggestion) => {
    setOpen(false);
    onPick(suggestion);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.nativeEvent.isComposing || event.keyCode === 229) return;
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      if (!open) setOpen(true);
      else setActive((current) => (suggestions.length === 0 ? -1 : (current + 1) % suggestions.length));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((current) => (current <= 0 ? suggestions.length - 1 : current - 1));
    } else if (event.key === 'Enter') {
      const chosen = showList && active >= 0 ? suggestions[active] : undefined;
      if (chosen) {
        event.preventDefault();
        pick(chosen);
      }
      // Otherwise the form submits.
    } else if (event.key === 'Escape') {
      if (showList) {
        event.preventDefault();
        setOpen(false);
      } else if (value !== '') {
        event.preventDefault();
        onChange('');
      }
    }
  };

  const invalid = errors.length > 0;
  const activeSuggestion = showList && active >= 0 ? suggestions[active] : undefined;
  const describedBy = [hintId, invalid ? errorId : null].filter(Boolean).join(' ');

  return (
    <form
      className="search-box"
      role="search"
      onSubmit={(event) => {
        event.preventDefault();
        setOpen(false);
        onSubmit(value);
      }}
    >
      <label className="visually-hidden" htmlFor={id}>
        {t('search.label')}
      </label>
      <div className={invalid ? 'search-box__control search-box__control--invalid' : 'search-box__control'}>
        <span className="search-box__icon" aria-hidden="true" />
        <input
          ref={inputRef}
          id={id}
          name="q"
          type="text"
          inputMode="search"
          enterKeyHint="search"
          role="combobox"
          autoComplete="off"
          spellCheck={false}
          aria-autocomplete="list"
          aria-expanded={showList}
          aria-controls={listId}
          aria-activedescendant={activeSuggestion ? `${listId}-${active}` : undefined}
          aria-invalid={invalid}
          aria-describedby={describedBy}
          placeholder={t('search.placeholder')}
          value={value}
          onChange={(event) => {
            onChange(event.target.value);
            setOpen(true);
          }}
          onKeyDown={onKeyDown}
          onBlur={() => setOpen(false)}
          data-testid="search-input"
        />
        {value !== '' ? (
          <button
            type="button"
            className="search-box__clear"
            onClick={() => {
              onChange('');
              inputRef.current?.focus();
            }}
            aria-label={t('search.clearQuery')}
            data-testid="search-clear"
          >
            <X aria-hidden="true" size={14} />
          </button>
        ) : null}
        <button type="submit" className="button search-box__submit" data-testid="search-submit">
          {t('search.submit')}
        </button>
        <ul className="search-suggest" id={listId} role="listbox" aria-label={t('search.suggestions')} hidden={!showList}>
          {showList
            ? suggestions.map((suggestion, index) => {
                const concept = suggestion.kind === 'CONCEPT';
                const scheme = concept && isConceptFacet(suggestion.scheme) ? suggestion.scheme : null;
                return (
                  <li
                    key={`${suggestion.kind}:${suggestion.id}`}
                    id={`${listId}-${index}`}
                    role="option"
                    aria-selected={index === active}
                    className={index === active ? 'search-suggest__option search-suggest__option--active' : 'search-suggest__option'}
                    onMouseDown={(event) => event.preventDefault()}
                    onMouseEnter={() => setActive(index)}
                    onClick={() => pick(suggestion)}
                    data-testid={`suggestion-${index}`}
                    data-kind={suggestion.kind}
                    data-id={suggestion.id}
                  >
                    <span className={concept ? 'search-suggest__type search-suggest__type--concept' : 'search-suggest__type'}>
                      {scheme ? t(facetKey(scheme)) : concept ? t('search.suggestion.concept') : t('search.suggestion.listing')}
                    </span>
                    <span className="search-suggest__label" lang={concept ? undefined : 'ko'}>
                      {suggestion.label}
                    </span>
                    <span className="search-suggest__action">
                      {scheme ? t('search.suggestion.addFilter') : concept ? t('search.submit') : t('search.suggestion.open')}
                    </span>
                  </li>
                );
              })
            : null}
        </ul>
      </div>
      <p className="search-box__hint" id={hintId}>
        {t('search.hint')}
      </p>
      {invalid ? (
        <p className="field__error" id={errorId} data-testid="field-error-q">
          {errors.map((error) => error.message).join(' ')}
        </p>
      ) : null}
    </form>
  );
}
