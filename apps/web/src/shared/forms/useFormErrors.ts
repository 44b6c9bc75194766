import { useCallback, useEffect, useId, useMemo, useState } from 'react';
import type { CombinedError } from 'urql';
import { useT } from '@/i18n';
import { EMPTY_ERRORS, summariseError, withFieldMessages, withoutField, type ApiErrorSummary, type ApiFieldError } from './errors';
import { revealFirstError } from './reveal';

/** Props to spread on an input/select/textarea for accessible error wiring. */
export interface ControlProps {
  id: string;
  name: string;
  'aria-invalid': boolean;
  'aria-describedby'?: string;
}

export interface FormErrors<Path extends string> {
  summary: ApiErrorSummary;
  /**
   * Show the errors of a failed mutation (or clear them with `undefined`); `extra` adds
   * client-side field messages next to the server's (every mistake at once). After a failure the
   * first field in error is scrolled to and focused (or the alert next to the submit button shown).
   */
  setError: (error: CombinedError | undefined, extra?: Partial<Record<Path, string>>) => void;
  /** Show a client-side message in the alert region. */
  setMessage: (message: string) => void;
  /** Show client-side field errors (e.g. a value that cannot be sent as an Int). */
  setFieldMessages: (messages: Partial<Record<Path, string>>) => void;
  clear: () => void;
  /** Drop a field's errors: called as soon as the field changes (the `Field` wrapper does it). */
  clearField: (path: Path) => void;
  /** DOM id of the alert next to the submit button (`FormActions`). */
  alertId: string;
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
  /** Bumped on every failure shown: once rendered, the first error is revealed. */
  const [failures, setFailures] = useState(0);
  const pathsKey = paths.join('\n');

  const setError = useCallback(
    (error: CombinedError | undefined, extra?: Partial<Record<Path, string>>) => {
      const server = summariseError(error, {
        knownPaths: pathsKey.split('\n'),
        networkMessage: t('error.network'),
        unknownMessage: t('error.unknown'),
        ...(mapPath ? { mapPath } : {}),
        ...(describeUnknown ? { describeUnknown } : {}),
      });
      setSummary(extra ? withFieldMessages(server, extra) : server);
      if (error || extra) setFailures((n) => n + 1);
    },
    [t, pathsKey, mapPath, describeUnknown],
  );

  useEffect(() => {
    if (failures > 0) revealFirstError(formId);
  }, [failures, formId]);

  return useMemo(() => {
    const ids = (path: Path) => {
      const base = `${formId}-${path.replace(/[^A-Za-z0-9_-]/g, '-')}`;
      return { control: base, hint: `${base}-hint`, error: `${base}-error` };
    };
    const fieldErrors = (path: Path) => summary.fields[path] ?? [];
    return {
      summary,
      setError,
      setMessage: (message: string) => {
        setSummary({ fields: {}, general: [message], codes: [] });
        setFailures((n) => n + 1);
      },
      setFieldMessages: (messages: Partial<Record<Path, string>>) => {
        // Next to the submit button too: how many fields to fix (gone with the last of them).
        const count = Object.values(messages).filter((message) => typeof message === 'string').length;
        const note = t('forms.checkFields', { count });
        setSummary(withFieldMessages({ fields: {}, general: count > 0 ? [note] : [], codes: [], fieldSummaries: [note] }, messages));
        setFailures((n) => n + 1);
      },
      clear: () => setSummary(EMPTY_ERRORS),
      clearField: (path: Path) => setSummary((current) => withoutField(current, path)),
      alertId: `${formId}-alert`,
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
  }, [formId, summary, setError, t]);
}
