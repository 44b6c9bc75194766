import { useState } from 'react';
import { useT } from '@/i18n';
import type { ControlProps } from '@/shared/forms';
import { useLanguageNames } from '../hooks/useLanguageNames';

type PassedProps = ControlProps & { required?: boolean; 'aria-required'?: boolean };

const COMMON_LANGUAGES = ['ko', 'en', 'ja', 'zh', 'vi', 'th', 'id', 'es', 'de', 'fr'] as const;

/** ISO 639-1 languages: toggles for common ones, a code field for others; chips show names. */
export function LanguagePicker({
  props,
  value,
  onChange,
  max = 20,
}: {
  props: PassedProps;
  value: readonly string[];
  onChange: (codes: string[]) => void;
  max?: number;
}) {
  const t = useT();
  const name = useLanguageNames();
  const [other, setOther] = useState('');
  const selected = new Set(value);
  const extra = value.filter((code) => !(COMMON_LANGUAGES as readonly string[]).includes(code));
  const toggle = (code: string) => {
    if (selected.has(code)) onChange(value.filter((v) => v !== code));
    else if (value.length < max) onChange([...value, code]);
  };
  const addOther = () => {
    const code = other.trim().toLowerCase();
    if (code && !selected.has(code) && value.length < max) onChange([...value, code]);
    setOther('');
  };
  const { id, required: _required, 'aria-required': _ariaRequired, ...aria } = props;
  return (
    <div className="language-picker" role="group" aria-labelledby={undefined} data-testid="language-picker">
      <div className="toggle-set">
        {[...COMMON_LANGUAGES, ...extra].map((code) => (
          <button
            key={code}
            type="button"
            className={selected.has(code) ? 'toggle toggle--on' : 'toggle'}
            aria-pressed={selected.has(code)}
            onClick={() => toggle(code)}
            data-testid={`language-option-${code}`}
          >
            {name(code)}
            <span className="toggle__code">{code}</span>
          </button>
        ))}
      </div>
      <div className="inline-add">
        <input
          {...aria}
          id={id}
          type="text"
          value={other}
          maxLength={3}
          placeholder={t('editor.languageOther')}
          onChange={(event) => setOther(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              addOther();
            }
          }}
          data-testid="language-other"
        />
        <button type="button" className="button button--ghost button--small" onClick={addOther} disabled={other.trim() === ''}>
          {t('common.add')}
        </button>
      </div>
    </div>
  );
}

/** A yes/no checkbox with its label next to the box. */
export function Checkbox({
  props,
  checked,
  onChange,
  label,
  testId,
}: {
  props: PassedProps;
  checked: boolean;
  onChange: (checked: boolean) => void;
  label: string;
  testId: string;
}) {
  const { required: _required, 'aria-required': _ariaRequired, ...rest } = props;
  return (
    <label className="checkbox">
      <input {...rest} type="checkbox" checked={checked} onChange={(event) => onChange(event.target.checked)} data-testid={testId} />
      <span>{label}</span>
    </label>
  );
}
