import { useMemo, type SelectHTMLAttributes } from 'react';
import { useT } from '@/i18n';
import { toHierarchy, useConcepts } from '../hooks/useConcepts';

type NativeSelectProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'value' | 'onChange' | 'children'>;

export interface ConceptSelectProps extends NativeSelectProps {
  /** Concept scheme, e.g. `region` or `industry`. */
  scheme: string;
  /** Selected concept id, or '' for none. */
  value: string;
  onChange: (conceptId: string) => void;
  /** Label of the empty option. */
  placeholder?: string;
  'data-testid'?: string;
}

const INDENT = '\u00A0\u00A0\u00A0';

/**
 * `<select>` of a scheme's concepts, labels in the UI locale, children indented
 * under their parent. Deprecated concepts are hidden unless currently selected.
 */
export function ConceptSelect({ scheme, value, onChange, placeholder, ...selectProps }: ConceptSelectProps) {
  const t = useT();
  const { concepts, fetching, error } = useConcepts(scheme);
  const options = useMemo(() => toHierarchy(concepts).filter((concept) => !concept.deprecated || concept.id === value), [concepts, value]);
  const selectedMissing = value !== '' && !options.some((concept) => concept.id === value);

  return (
    <>
      <select {...selectProps} value={value} onChange={(event) => onChange(event.target.value)} aria-busy={fetching || undefined}>
        <option value="">{placeholder ?? t('common.selectNone')}</option>
        {selectedMissing ? <option value={value}>{fetching ? t('common.loading') : value}</option> : null}
        {options.map((concept) => (
          <option key={concept.id} value={concept.id} data-depth={concept.depth}>
            {`${INDENT.repeat(concept.depth)}${concept.depth > 0 ? '└ ' : ''}${concept.label}${
              concept.deprecated ? ` (${t('vocabulary.deprecated')})` : ''
            }`}
          </option>
        ))}
      </select>
      {error ? (
        <p className="field__hint field__hint--warning" role="status">
          {t('vocabulary.loadFailed')}
        </p>
      ) : null}
    </>
  );
}
