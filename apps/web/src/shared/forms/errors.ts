import type { ErrorCode, FieldError } from '@aimatch/contracts';
import type { CombinedError } from 'urql';

/** Error codes the API puts in `extensions.code` (the contracts' ErrorCode, as its string values). */
export type ApiErrorCode = `${ErrorCode}`;

/** One entry of `extensions.fields` on a BAD_USER_INPUT error, already localised by the server (Accept-Language). */
export type ApiFieldError = FieldError;

export interface ApiErrorSummary {
  /** Field errors keyed by path (only paths the form renders). */
  fields: Record<string, ApiFieldError[]>;
  /** Messages for the alert region: non-field errors and field errors the form cannot show. */
  general: string[];
  /** Codes seen, for callers that react to e.g. NOT_FOUND. */
  codes: ApiErrorCode[];
  /**
   * The alert messages that only sum up field errors ("입력값을 확인해 주세요"): they go away
   * with the last field error once every field was fixed.
   */
  fieldSummaries?: string[];
}

export const EMPTY_ERRORS: ApiErrorSummary = { fields: {}, general: [], codes: [] };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function readFieldErrors(value: unknown): ApiFieldError[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry): ApiFieldError[] => {
    if (!isRecord(entry) || typeof entry['path'] !== 'string') return [];
    return [
      {
        path: entry['path'],
        rule: typeof entry['rule'] === 'string' ? entry['rule'] : 'invalid',
        message: typeof entry['message'] === 'string' ? entry['message'] : '',
      },
    ];
  });
}

export function errorCodes(error: CombinedError | undefined): ApiErrorCode[] {
  if (!error) return [];
  return error.graphQLErrors.map((e) => e.extensions?.['code']).filter((code): code is ApiErrorCode => typeof code === 'string');
}

export function hasErrorCode(error: CombinedError | undefined, code: ApiErrorCode): boolean {
  return errorCodes(error).includes(code);
}

export interface SummariseOptions {
  /** Paths rendered by the form; field errors for other paths go to `general`. */
  knownPaths?: readonly string[];
  /**
   * Maps a server path to the form field that shows it (e.g. `AIRequirement.tasks[2]` →
   * `AIRequirement.tasks`). The entry keeps its original `path`; it is filed under the result.
   */
  mapPath?: (path: string) => string;
  /** Message for a field error whose path the form does not render (default: the message alone). */
  describeUnknown?: (error: ApiFieldError) => string;
  /** Localised fallback texts. */
  networkMessage: string;
  unknownMessage: string;
}

/** Split a urql `CombinedError` into per-field errors and alert messages. */
export function summariseError(error: CombinedError | undefined, options: SummariseOptions): ApiErrorSummary {
  if (!error) return EMPTY_ERRORS;
  const known = options.knownPaths ? new Set(options.knownPaths) : null;
  const fields: Record<string, ApiFieldError[]> = {};
  const general: string[] = [];
  const codes: ApiErrorCode[] = [];
  const fieldSummaries: string[] = [];

  for (const graphQLError of error.graphQLErrors) {
    const extensions = graphQLError.extensions ?? {};
    const code = extensions['code'];
    if (typeof code === 'string') codes.push(code as ApiErrorCode);
    const fieldErrors = readFieldErrors(extensions['fields']);
    for (const fieldError of fieldErrors) {
      const message = fieldError.message || graphQLError.message;
      const key = options.mapPath ? options.mapPath(fieldError.path) : fieldError.path;
      if (!known || known.has(key)) {
        (fields[key] ??= []).push({ ...fieldError, message });
      } else {
        general.push(options.describeUnknown ? options.describeUnknown({ ...fieldError, message }) : message);
      }
    }
    // The top-level message summarises the error in the alert region (screen
    // readers announce it); skip it when it merely repeats a field message.
    const topLevel = graphQLError.message;
    if (topLevel && !fieldErrors.some((fieldError) => fieldError.message === topLevel)) {
      general.push(topLevel);
      if (fieldErrors.length > 0) fieldSummaries.push(topLevel);
    } else if (!topLevel && fieldErrors.length === 0) {
      general.push(options.unknownMessage);
    }
  }
  if (error.networkError && error.graphQLErrors.length === 0) general.push(options.networkMessage);
  if (general.length === 0 && Object.keys(fields).length === 0) general.push(options.unknownMessage);

  return { fields, general: [...new Set(general)], codes, fieldSummaries };
}

/** The summary without the errors of one field (and without the field summaries once no field error is left). */
export function withoutField(summary: ApiErrorSummary, path: string): ApiErrorSummary {
  if (!(path in summary.fields)) return summary;
  const { [path]: _removed, ...fields } = summary.fields;
  const noneLeft = Object.keys(fields).length === 0;
  const summaries = new Set(summary.fieldSummaries ?? []);
  return {
    ...summary,
    fields,
    general: noneLeft ? summary.general.filter((message) => !summaries.has(message)) : summary.general,
  };
}

/** Client-side field messages added to a summary (e.g. a year that cannot be sent, next to the server's errors). */
export function withFieldMessages(summary: ApiErrorSummary, messages: Record<string, string | undefined>): ApiErrorSummary {
  const fields = { ...summary.fields };
  for (const [path, message] of Object.entries(messages)) {
    if (typeof message === 'string') fields[path] = [...(fields[path] ?? []), { path, rule: 'client', message }];
  }
  return { ...summary, fields };
}
