import type { ApiErrorSummary } from './errors';

/** Alert region for errors that do not belong to a single field. */
export function FormAlert({ summary, testId = 'form-alert', id }: { summary: ApiErrorSummary; testId?: string; id?: string }) {
  if (summary.general.length === 0) return null;
  return (
    <div className="alert alert--error" role="alert" data-testid={testId} id={id}>
      {summary.general.length === 1 ? (
        <p>{summary.general[0]}</p>
      ) : (
        <ul>
          {summary.general.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
