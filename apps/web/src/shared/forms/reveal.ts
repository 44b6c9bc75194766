/**
 * After a failed submit: scroll to the first field in error of one form (its controls and error
 * texts carry ids that start with the form's id) and focus its control; with no field in error,
 * scroll the form's alert (next to the submit button) into view. Document order decides "first".
 */
export function revealFirstError(formId: string): void {
  if (typeof document === 'undefined') return;
  const prefix = `${formId}-`.replace(/["\\]/g, '\\$&');
  const candidates = document.querySelectorAll<HTMLElement>(`[id^="${prefix}"][aria-invalid="true"], [id^="${prefix}"].field__error`);
  const first = candidates[0];
  if (!first) {
    document.getElementById(`${formId}-alert`)?.scrollIntoView?.({ block: 'center' });
    return;
  }
  const control = first.matches('input, select, textarea, button')
    ? first
    : (first.closest('.field, fieldset')?.querySelector<HTMLElement>('input:not([type="hidden"]), select, textarea, button') ?? null);
  (control ?? first).scrollIntoView?.({ block: 'center' });
  control?.focus({ preventScroll: true });
}
