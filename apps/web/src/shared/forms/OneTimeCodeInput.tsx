import type { ControlProps } from './useFormErrors';

/**
 * The 6-digit code of an authenticator app: the numeric keypad on phones, the code offered by the
 * platform's one-time-code autofill, digits only (spaces or dashes pasted with it are dropped).
 * Spread a Field's control props on it.
 */
export function OneTimeCodeInput({
  value,
  onChange,
  testId,
  autoFocus,
  ...control
}: ControlProps & { required?: boolean; 'aria-required'?: boolean } & {
  value: string;
  onChange: (digits: string) => void;
  testId: string;
  autoFocus?: boolean;
}) {
  return (
    <input
      {...control}
      inputMode="numeric"
      autoComplete="one-time-code"
      maxLength={6}
      pattern="[0-9]*"
      autoFocus={autoFocus}
      value={value}
      onChange={(event) => onChange(event.target.value.replace(/\D/g, ''))}
      data-testid={testId}
    />
  );
}
