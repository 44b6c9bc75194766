import { X } from 'lucide-react';
import type { ReactNode } from 'react';
import { useLocale, useT } from '@/i18n';
import { formatKrw } from '@/shared/format';
import { ConceptLabel } from '@/modules/vocabulary';
import type { FacetCount } from '../hooks/useSearchResults';
import { CONCEPT_FACETS, facetKey, filterCount, fromGraphqlFacet, withoutFilters, type SearchState } from '../model/search-state';

interface Chip {
  facet: string;
  value: string;
  group: string;
  label: ReactNode;
  /** Plain text for the remove button's name. */
  text: string | null;
  next: SearchState;
}

/** The active filters as removable chips, and "clear all". */
export function FilterChips({
  search,
  facets,
  amountLabel,
  onChange,
}: {
  search: SearchState;
  facets: readonly FacetCount[];
  amountLabel: string;
  onChange: (next: SearchState) => void;
}) {
  const t = useT();
  const locale = useLocale();
  if (filterCount(search) === 0) return null;

  const known = new Map(facets.filter((f) => f.concept).map((f) => [`${fromGraphqlFacet(f.facet)}:${f.value}`, f.concept!.label]));
  const chips: Chip[] = [];
  for (const facet of CONCEPT_FACETS) {
    for (const id of search.concepts[facet]) {
      const label = known.get(`${facet}:${id}`);
      chips.push({
        facet,
        value: id,
        group: t(facetKey(facet)),
        label: label ?? <ConceptLabel id={id} />,
        text: label ?? null,
        next: { ...search, concepts: { ...search.concepts, [facet]: search.concepts[facet].filter((v) => v !== id) } },
      });
    }
  }
  if (search.verifiedOnly) {
    chips.push({
      facet: 'verified',
      value: 'true',
      group: t('search.facet.verified'),
      label: t('search.verifiedOnly'),
      text: t('search.verifiedOnly'),
      next: { ...search, verifiedOnly: false },
    });
  }
  if (search.amountMin !== null) {
    const text = t('search.chip.amountMin', { amount: formatKrw(search.amountMin, locale) });
    chips.push({
      facet: 'amountMin',
      value: String(search.amountMin),
      group: amountLabel,
      label: text,
      text,
      next: { ...search, amountMin: null },
    });
  }
  if (search.amountMax !== null) {
    const text = t('search.chip.amountMax', { amount: formatKrw(search.amountMax, locale) });
    chips.push({
      facet: 'amountMax',
      value: String(search.amountMax),
      group: amountLabel,
      label: text,
      text,
      next: { ...search, amountMax: null },
    });
  }

  return (
    <div className="filter-chips" data-testid="search-filter-chips">
      <ul className="chips" aria-label={t('search.activeFilters')}>
        {chips.map((chip) => (
          <li key={`${chip.facet}:${chip.value}`} className="chip filter-chip" data-testid={`filter-chip-${chip.facet}-${chip.value}`}>
            <span className="chip__path">{chip.group}: </span>
            <span className="chip__label">{chip.label}</span>
            <button
              type="button"
              className="chip__remove"
              onClick={() => onChange(chip.next)}
              aria-label={t('search.chip.remove', { label: chip.text ?? chip.group })}
              data-testid={`filter-chip-remove-${chip.facet}-${chip.value}`}
            >
              <X aria-hidden="true" size={14} />
            </button>
          </li>
        ))}
      </ul>
      <button type="button" className="link-button" onClick={() => onChange(withoutFilters(search))} data-testid="search-clear-filters">
        {t('search.clearFilters')}
      </button>
    </div>
  );
}
