import { useLocale, useT } from '@/i18n';
import { formatKrw, groupDigits } from '@/shared/format';
import { krwInputText, parseAmount, parseKrwInput } from './parse';
import type { ControlProps } from './useFormErrors';

type PassedProps = ControlProps & { required?: boolean; 'aria-required'?: boolean };

/**
 * An amount input. `krw` (the default): KRW typed as digits (grouped by thousands as you type) or
 * in Korean units ("1억5천", "8천만", "1,200만원", "3.5억"), with the amount read back under it
 * ("1억 5,000만원", and the digits when the text used units). `count`: digits only, grouped.
 */
export function AmountInput({
  props,
  value,
  onChange,
  testId,
  unit,
  kind = 'krw',
}: {
  props: PassedProps;
  value: string;
  onChange: (value: string) => void;
  testId: string;
  unit: string;
  kind?: 'krw' | 'count';
}) {
  const locale = useLocale();
  const t = useT();
  const krw = kind === 'krw';
  const parsed = krw ? parseKrwInput(value) : parseAmount(value);
  const usedUnits = krw && !/^[\d\s,]*$/.test(value);
  return (
    <div className="amount">
      <div className="input-affix">
        <input
          {...props}
          type="text"
          inputMode={krw ? 'text' : 'numeric'}
          autoComplete="off"
          value={groupDigits(value)}
          onChange={(event) => onChange(krw ? krwInputText(event.target.value) : event.target.value.replace(/[\s,]/g, ''))}
          data-testid={testId}
        />
        <span className="input-affix__unit" aria-hidden="true">
          {unit}
        </span>
      </div>
      {krw && typeof parsed === 'number' && (parsed >= 10_000 || usedUnits) ? (
        <span className="amount__reading" aria-live="polite">
          <span data-testid={`${testId}-reading`}>{formatKrw(parsed, locale)}</span>
          {usedUnits ? (
            <span className="amount__digits" data-testid={`${testId}-digits`}>
              {' '}
              {t('forms.krwDigits', { digits: groupDigits(String(parsed)) })}
            </span>
          ) : null}
        </span>
      ) : null}
      {krw && parsed === 'invalid' ? (
        <span className="amount__reading amount__reading--invalid" data-testid={`${testId}-unreadable`}>
          {t('forms.krwUnreadable')}
        </span>
      ) : null}
    </div>
  );
}
