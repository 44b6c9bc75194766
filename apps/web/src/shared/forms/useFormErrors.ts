import { useCallback, useId, useMemo, useState } from 'react';
import type { CombinedError } from 'urql';
import { useT } from '@/i18n';
import { EMPTY_ERRORS, summariseError, type ApiErrorSummary, type ApiFieldError } from './errors';

/** Props to spread on an input/select/textarea for accessible error wiring. */
export interface ControlProps {
  id: string;
  name: string;
  'aria-invalid': boolean;
  'aria-describedby'?: string;
}

export interface FormErrors<Path extends string> {
  summary: ApiErrorSummary;
  /** Show the errors of a failed mutation (or clear them with `undefined`). */
  setError: (error: CombinedError | undefined) => void;
  /** Show a client-side message in the alert region. */
  setMessage: (message: string) => void;
  /** Show client-side field errors (e.g. a value that cannot be sent as an Int). */
  setFieldMessages: (messages: Partial<Record<Path, string>>) => void;
  clear: () => void;
  fieldErrors: (path: Path) => ApiFieldError[];
  /** DOM ids of a field's control, hint and error text. */
  ids: (path: Path) => { control: string; hint: string; error: string };
  /** id / name / aria-invalid / aria-describedby for a field's control. */
  controlProps: (path: Path, options?: { hasHint?: boolean }) => ControlProps;
}

/**
 * One hook per form: turns the API's error model (BAD_USER_INPUT with
 * `extensions.fields[{ path, rule, message }]`, or any other code with a
 * localised message) into field errors and alert messages.
 *
 * `paths` are the input paths the form renders (e.g. `email`,
 * `organization.nameKo`); errors for other paths are shown in the alert.
 */
export interface FormErrorsOptions {
  /** Maps a server path to the field that shows it (see `SummariseOptions.mapPath`). */
  mapPath?: (path: string) => string;
  /** Alert text for a field error of a path the form does not render. */
  describeUnknown?: (error: ApiFieldError) => string;
}

export function useFormErrors<Path extends string>(paths: readonly Path[], options: FormErrorsOptions = {}): FormErrors<Path> {
  const t = useT();
  const { mapPath, describeUnknown } = options;
  const formId = useId();
  const [summary, setSummary] = useState<ApiErrorSummary>(EMPTY_ERRORS);
  const pathsKey = paths.join('\n');

  const setError = useCallback(
    (error: CombinedError | undefined) =>
      setSummary(
        summariseError(error, {
          knownPaths: pathsKey.split('\n'),
          networkMessage: t('error.network'),
          unknownMessage: t('error.unknown'),
          ...(mapPath ? { mapPath } : {}),
          ...(describeUnknown ? { describeUnknown } : {}),
        }),
      ),
    [t, pathsKey, mapPath, describeUnknown],
  );

  return useMemo(() => {
    const ids = (path: Path) => {
      const base = `${formId}-${path.replace(/[^A-Za-z0-9_-]/g, '-')}`;
      return { control: base, hint: `${base}-hint`, error: `${base}-error` };
    };
    const fieldErrors = (path: Path) => summary.fields[path] ?? [];
    return {
      summary,
      setError,
      setMessage: (message: string) => setSummary({ fields: {}, general: [message], codes: [] }),
      setFieldMessages: (messages: Partial<Record<Path, string>>) =>
        setSummary({
          fields: Object.fromEntries(
            Object.entries(messages).flatMap(([path, message]) =>
              typeof message === 'string' ? [[path, [{ path, rule: 'client', message }]]] : [],
            ),
          ),
          general: [],
          codes: [],
        }),
      clear: () => setSummary(EMPTY_ERRORS),
      fieldErrors,
      ids,
      controlProps: (path: Path, options?: { hasHint?: boolean }) => {
        const { control, hint, error } = ids(path);
        const invalid = fieldErrors(path).length > 0;
        const describedBy = [options?.hasHint ? hint : null, invalid ? error : null].filter(Boolean).join(' ');
        return {
          id: control,
          name: path,
          'aria-invalid': invalid,
          ...(describedBy ? { 'aria-describedby': describedBy } : {}),
        };
      },
    };
  }, [formId, summary, setError]);
}
