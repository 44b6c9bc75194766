import { useLocale } from '@/i18n';
import { formatKrw, groupDigits } from '@/shared/format';
import { parseAmount } from './parse';
import type { ControlProps } from './useFormErrors';

type PassedProps = ControlProps & { required?: boolean; 'aria-required'?: boolean };

/** KRW amount: digits grouped by thousands as you type, with the amount read out (1억 5,000만원). */
export function AmountInput({
  props,
  value,
  onChange,
  testId,
  unit,
}: {
  props: PassedProps;
  value: string;
  onChange: (value: string) => void;
  testId: string;
  unit: string;
}) {
  const locale = useLocale();
  const parsed = parseAmount(value);
  return (
    <div className="amount">
      <div className="input-affix">
        <input
          {...props}
          type="text"
          inputMode="numeric"
          autoComplete="off"
          value={groupDigits(value)}
          onChange={(event) => onChange(event.target.value.replace(/[\s,]/g, ''))}
          data-testid={testId}
        />
        <span className="input-affix__unit" aria-hidden="true">
          {unit}
        </span>
      </div>
      {typeof parsed === 'number' && parsed >= 10_000 ? (
        <span className="amount__reading" data-testid={`${testId}-reading`}>
          {formatKrw(parsed, locale)}
        </span>
      ) : null}
    </div>
  );
}
