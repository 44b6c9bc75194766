import { Check, X } from 'lucide-react';
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useQuery } from 'urql';
import { useGraphqlLocale, useT } from '@/i18n';
import { ConceptSearchQuery } from '../graphql/operations';
import { toHierarchy, useConcepts, type Concept } from '../hooks/useConcepts';

export interface ConceptPickerProps {
  /** Concept scheme, e.g. `task`. */
  scheme: string;
  /** Element name for test ids: `concept-picker-<element>`, `concept-chip-<element>-<id>`. */
  element: string;
  value: readonly string[];
  onChange: (ids: string[]) => void;
  /** At most this many values (default 20). */
  max?: number;
  /** id / aria wiring from `Field` (the text input is the labelled control). */
  id?: string;
  name?: string;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
  /** Selected ids to mark as problematic (e.g. a server error on that list item). */
  invalidIds?: ReadonlySet<string>;
  placeholder?: string;
}

const DEBOUNCE_MS = 250;
const SEARCH_LIMIT = 30;

interface Option {
  id: string;
  label: string;
  /** Ancestor labels, root first. */
  path: string[];
  depth: number;
  deprecated: boolean;
}

function useDebounced<T>(value: T, delay: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setDebounced(value), delay);
    return () => window.clearTimeout(timer);
  }, [value, delay]);
  return debounced;
}

function ancestors(concept: Pick<Concept, 'parentId'>, byId: ReadonlyMap<string, Concept>): string[] {
  const labels: string[] = [];
  const seen = new Set<string>();
  let parentId = concept.parentId ?? null;
  while (parentId && !seen.has(parentId)) {
    seen.add(parentId);
    const parent = byId.get(parentId);
    if (!parent) break;
    labels.unshift(parent.label);
    parentId = parent.parentId ?? null;
  }
  return labels;
}

/**
 * Multi-value vocabulary picker: type to search the scheme's labels and synonyms in Korean and
 * English (debounced `concepts(scheme, search)`), or open it empty to browse the hierarchy.
 * Options show their place in the hierarchy (parent › child); chosen values become removable
 * chips. Keyboard: ↑/↓ to move, Enter to pick, Esc to close, Backspace on an empty field
 * removes the last chip.
 */
export function ConceptPicker({
  scheme,
  element,
  value,
  onChange,
  max = 20,
  id,
  name,
  invalidIds,
  placeholder,
  ...aria
}: ConceptPickerProps) {
  const t = useT();
  const locale = useGraphqlLocale();
  const listId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const search = useDebounced(query.trim(), DEBOUNCE_MS);
  const { concepts } = useConcepts(scheme);
  const byId = useMemo(() => new Map(concepts.map((concept) => [concept.id, concept])), [concepts]);
  const [{ data, fetching, error }] = useQuery({
    query: ConceptSearchQuery,
    variables: { scheme, search, first: SEARCH_LIMIT, locale },
    pause: search === '',
  });

  const selected = useMemo(() => new Set(value), [value]);
  const full = value.length >= max;
  const typing = query.trim() !== '';
  const searching = typing && (search !== query.trim() || fetching);

  const options: Option[] = useMemo(() => {
    if (!typing) {
      return toHierarchy(concepts)
        .filter((concept) => !concept.deprecated || selected.has(concept.id))
        .map((concept) => ({
          id: concept.id,
          label: concept.label,
          path: ancestors(concept, byId),
          depth: concept.depth,
          deprecated: concept.deprecated,
        }));
    }
    if (search !== query.trim() || !data) return [];
    return data.concepts.edges
      .map((edge) => edge.node)
      .filter((concept) => !concept.deprecated || selected.has(concept.id))
      .map((concept) => ({
        id: concept.id,
        label: concept.label,
        path: ancestors(concept, byId),
        depth: 0,
        deprecated: concept.deprecated,
      }));
  }, [typing, concepts, byId, selected, search, query, data]);

  useEffect(() => setActive(0), [search, typing]);

  const chipLabel = (conceptId: string) => {
    const concept = byId.get(conceptId);
    if (!concept) return { label: conceptId, path: [] as string[], deprecated: false };
    return { label: concept.label, path: ancestors(concept, byId), deprecated: concept.deprecated };
  };

  const toggle = (conceptId: string) => {
    if (selected.has(conceptId)) {
      onChange(value.filter((v) => v !== conceptId));
    } else if (!full) {
      onChange([...value, conceptId]);
    }
    setQuery('');
    setOpen(false);
    inputRef.current?.focus();
  };

  const remove = (conceptId: string) => {
    onChange(value.filter((v) => v !== conceptId));
    inputRef.current?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setOpen(true);
      setActive((current) => (options.length === 0 ? 0 : Math.min(current + 1, options.length - 1)));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((current) => Math.max(current - 1, 0));
    } else if (event.key === 'Enter') {
      if (open && options[active]) {
        event.preventDefault();
        toggle(options[active].id);
      }
    } else if (event.key === 'Escape') {
      if (open) {
        event.preventDefault();
        setOpen(false);
      }
    } else if (event.key === 'Backspace' && query === '' && value.length > 0) {
      onChange(value.slice(0, -1));
    }
  };

  const showList = open && !full;
  const activeOption = showList ? options[active] : undefined;
  const optionDomId = (conceptId: string) => `${listId}-${conceptId.replace(/[^A-Za-z0-9_-]/g, '-')}`;

  return (
    <div className="picker" data-scheme={scheme}>
      {value.length > 0 ? (
        <ul className="chips" aria-label={t('picker.selected')} data-testid={`concept-chips-${element}`}>
          {value.map((conceptId) => {
            const chip = chipLabel(conceptId);
            const invalid = invalidIds?.has(conceptId) ?? false;
            return (
              <li
                key={conceptId}
                className={['chip', invalid ? 'chip--invalid' : '', chip.deprecated ? 'chip--deprecated' : ''].filter(Boolean).join(' ')}
                data-testid={`concept-chip-${element}-${conceptId}`}
                title={[...chip.path, chip.label].join(' › ')}
              >
                {chip.path.length > 0 ? <span className="chip__path">{chip.path.join(' › ')} › </span> : null}
                <span className="chip__label">{chip.label}</span>
                {chip.deprecated ? <span className="chip__flag">{t('vocabulary.deprecated')}</span> : null}
                <button
                  type="button"
                  className="chip__remove"
                  onClick={() => remove(conceptId)}
                  aria-label={t('picker.remove', { label: chip.label })}
                  data-testid={`concept-chip-remove-${element}-${conceptId}`}
                >
                  <X aria-hidden="true" size={14} />
                </button>
              </li>
            );
          })}
        </ul>
      ) : null}
      <div className="picker__control">
        <input
          ref={inputRef}
          id={id}
          name={name}
          type="text"
          role="combobox"
          autoComplete="off"
          aria-autocomplete="list"
          aria-expanded={showList}
          aria-controls={listId}
          aria-activedescendant={activeOption ? optionDomId(activeOption.id) : undefined}
          aria-invalid={aria['aria-invalid']}
          aria-describedby={aria['aria-describedby']}
          value={query}
          disabled={full}
          placeholder={full ? t('picker.full', { max }) : (placeholder ?? t('picker.placeholder'))}
          onChange={(event) => {
            setQuery(event.target.value);
            setOpen(true);
          }}
          onFocus={() => setOpen(true)}
          onClick={() => setOpen(true)}
          onBlur={() => setOpen(false)}
          onKeyDown={onKeyDown}
          data-testid={`concept-picker-${element}`}
        />
        <span className="picker__count" aria-live="polite">
          {t('picker.count', { count: value.length, max })}
        </span>
      </div>
      {showList ? (
        <div className="picker__popup">
          <ul className="picker__list" id={listId} role="listbox" aria-multiselectable="true" aria-label={t('picker.options')}>
            {options.map((option, index) => (
              <li
                key={option.id}
                id={optionDomId(option.id)}
                role="option"
                aria-selected={selected.has(option.id)}
                className={[
                  'picker__option',
                  index === active ? 'picker__option--active' : '',
                  selected.has(option.id) ? 'picker__option--selected' : '',
                ]
                  .filter(Boolean)
                  .join(' ')}
                style={typing ? undefined : { paddingLeft: `${0.75 + option.depth * 1.1}rem` }}
                onMouseDown={(event) => event.preventDefault()}
                onMouseEnter={() => setActive(index)}
                onClick={() => toggle(option.id)}
                data-testid={`concept-option-${option.id}`}
              >
                <span className="picker__check" aria-hidden="true">
                  {selected.has(option.id) ? <Check size={14} /> : null}
                </span>
                <span className="picker__text">
                  {typing && option.path.length > 0 ? <span className="picker__path">{option.path.join(' › ')} › </span> : null}
                  <span className={option.depth === 0 && !typing ? 'picker__label picker__label--root' : 'picker__label'}>
                    {option.label}
                  </span>
                  {option.deprecated ? <span className="chip__flag">{t('vocabulary.deprecated')}</span> : null}
                </span>
              </li>
            ))}
          </ul>
          {searching ? (
            <p className="picker__status" role="status">
              {t('picker.searching')}
            </p>
          ) : error && typing ? (
            <p className="picker__status picker__status--error" role="status">
              {t('vocabulary.loadFailed')}
            </p>
          ) : typing && options.length === 0 ? (
            <p className="picker__status" role="status" data-testid={`concept-picker-${element}-empty`}>
              {t('picker.noMatches', { query: query.trim() })}
            </p>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
