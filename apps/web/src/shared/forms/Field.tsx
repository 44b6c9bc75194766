import type { ReactNode } from 'react';
import type { ControlProps, FormErrors } from './useFormErrors';

interface FieldProps<Path extends string> {
  form: FormErrors<Path>;
  path: Path;
  label: ReactNode;
  hint?: ReactNode;
  required?: boolean;
  /** Renders the control; spread the given props on it. */
  children: (props: ControlProps & { required?: boolean; 'aria-required'?: boolean }) => ReactNode;
  className?: string;
}

/**
 * A labelled form control with its hint and its server-side errors
 * (`data-testid="field-error-<path>"`). A field's errors go away as soon as it changes: the
 * message was about the value the user is now fixing (the counter and the error never disagree).
 */
export function Field<Path extends string>({ form, path, label, hint, required, children, className }: FieldProps<Path>) {
  const ids = form.ids(path);
  const errors = form.fieldErrors(path);
  const control = form.controlProps(path, { hasHint: hint !== undefined });
  return (
    <div
      className={['field', errors.length > 0 ? 'field--invalid' : '', className ?? ''].filter(Boolean).join(' ')}
      onChangeCapture={errors.length > 0 ? () => form.clearField(path) : undefined}
    >
      <label className="field__label" htmlFor={ids.control}>
        {label}
        {required ? (
          <span className="field__required" aria-hidden="true">
            {' *'}
          </span>
        ) : null}
      </label>
      {children(required ? { ...control, required: true, 'aria-required': true } : control)}
      {hint !== undefined ? (
        <p className="field__hint" id={ids.hint}>
          {hint}
        </p>
      ) : null}
      {errors.length > 0 ? (
        <p className="field__error" id={ids.error} data-testid={`field-error-${path}`}>
          {errors.map((error) => error.message).join(' ')}
        </p>
      ) : null}
    </div>
  );
}
