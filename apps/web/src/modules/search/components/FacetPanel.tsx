import { useState, type ReactNode } from 'react';
import { useFormatters, useT } from '@/i18n';
import { ConceptLabel } from '@/modules/vocabulary';
import type { FacetCount } from '../hooks/useSearchResults';
import { facetKey, fromGraphqlFacet, PANEL_FACETS, type ConceptFacet, type SearchState } from '../model/search-state';

const SHOWN = 6;

interface FacetValue {
  value: string;
  label: ReactNode;
  count: number | null;
  selected: boolean;
}

/** Facet values with counts: the server's, plus selected values it did not count (shown first). */
function valuesOf(facet: ConceptFacet, facets: readonly FacetCount[], search: SearchState): FacetValue[] {
  const counted = facets.filter((f) => fromGraphqlFacet(f.facet) === facet);
  const countedIds = new Set(counted.map((f) => f.value));
  const selected = new Set(search.concepts[facet]);
  return [
    ...search.concepts[facet]
      .filter((id) => !countedIds.has(id))
      .map((id) => ({ value: id, label: <ConceptLabel id={id} />, count: null, selected: true })),
    ...counted.map((f) => ({
      value: f.value,
      label: f.concept?.label ?? <ConceptLabel id={f.value} />,
      count: f.count,
      selected: selected.has(f.value),
    })),
  ];
}

function FacetOption({ facet, option, onToggle }: { facet: string; option: FacetValue; onToggle: () => void }) {
  const format = useFormatters();
  return (
    <li>
      <label
        className={option.selected ? 'facet__option facet__option--on' : 'facet__option'}
        data-testid={`facet-${facet}-${option.value}`}
      >
        <input type="checkbox" checked={option.selected} onChange={onToggle} />
        <span className="facet__label">{option.label}</span>
        {option.count !== null ? (
          <span className="facet__count" data-testid={`facet-count-${facet}-${option.value}`}>
            {format.number(option.count)}
          </span>
        ) : null}
      </label>
    </li>
  );
}

function ConceptFacetGroup({
  facet,
  values,
  onToggle,
}: {
  facet: ConceptFacet;
  values: FacetValue[];
  onToggle: (facet: ConceptFacet, id: string) => void;
}) {
  const t = useT();
  const [expanded, setExpanded] = useState(false);
  const hidden = values.length - SHOWN;
  const shown = expanded || hidden <= 1 ? values : values.slice(0, SHOWN);
  return (
    <fieldset className="facet" data-testid={`facet-group-${facet}`}>
      <legend className="facet__title">{t(facetKey(facet))}</legend>
      <ul className="facet__list">
        {shown.map((option) => (
          <FacetOption key={option.value} facet={facet} option={option} onToggle={() => onToggle(facet, option.value)} />
        ))}
      </ul>
      {hidden > 1 ? (
        <button type="button" className="link-button facet__more" onClick={() => setExpanded(!expanded)} aria-expanded={expanded}>
          {expanded ? t('search.facet.showLess') : t('search.facet.showMore', { count: hidden })}
        </button>
      ) : null}
    </fieldset>
  );
}

/**
 * The filter panel: "verified organizations only", concept facets with counts (labels in the UI
 * language; a click toggles the filter), and the budget / price range (passed as `children`).
 */
export function FacetPanel({
  id,
  search,
  facets,
  counted,
  onToggleConcept,
  onToggleVerified,
  children,
}: {
  id?: string;
  search: SearchState;
  facets: readonly FacetCount[];
  /** Whether `facets` are the counts of a search (not while the first one loads or after an error). */
  counted: boolean;
  onToggleConcept: (facet: ConceptFacet, id: string) => void;
  onToggleVerified: () => void;
  children?: ReactNode;
}) {
  const t = useT();
  const verifiedCount = counted ? (facets.find((f) => f.facet === 'VERIFIED' && f.value === 'true')?.count ?? 0) : null;
  const groups = PANEL_FACETS.map((facet) => ({ facet, values: valuesOf(facet, facets, search) })).filter(
    (group) => group.values.length > 0,
  );

  return (
    <div className="facets" id={id}>
      <fieldset className="facet">
        <legend className="facet__title">{t('search.facet.verified')}</legend>
        <ul className="facet__list">
          <FacetOption
            facet="verified"
            option={{ value: 'true', label: t('search.verifiedOnly'), count: verifiedCount, selected: search.verifiedOnly }}
            onToggle={onToggleVerified}
          />
        </ul>
      </fieldset>
      {groups.map((group) => (
        <ConceptFacetGroup key={group.facet} facet={group.facet} values={group.values} onToggle={onToggleConcept} />
      ))}
      {children}
    </div>
  );
}
