import { createContext, useContext, type ReactNode } from 'react';
import type { ListingKind } from '@/generated/graphql';
import { useFormatters, useT } from '@/i18n';
import { ConceptLabel } from '@/modules/vocabulary';
import { Field, type ControlProps, type FormErrors } from '@/shared/forms';
import type { ChecklistQuestion } from '../hooks/useTrustChecklist';
import type { EditorValues } from '../model/values';

export interface FieldWarning {
  /** Server path, e.g. `AIRequirement.tasks[1]`. */
  path: string;
  message: string;
  replacementId: string | null;
}

export interface EditorContextValue {
  kind: ListingKind;
  values: EditorValues;
  update: (patch: Partial<EditorValues>) => void;
  form: FormErrors<string>;
  /** Staff review comments by field key. */
  comments: ReadonlyMap<string, readonly string[]>;
  /** Accepted findings (deprecated concepts) by field key. */
  warnings: ReadonlyMap<string, readonly FieldWarning[]>;
  /** Swap a deprecated concept at a server path for its replacement. */
  replaceConcept: (path: string, replacementId: string) => void;
  checklist: readonly ChecklistQuestion[];
}

const EditorContext = createContext<EditorContextValue | null>(null);

export function EditorProvider({ value, children }: { value: EditorContextValue; children: ReactNode }) {
  return <EditorContext.Provider value={value}>{children}</EditorContext.Provider>;
}

export function useEditor(): EditorContextValue {
  const context = useContext(EditorContext);
  if (!context) throw new Error('useEditor outside EditorProvider');
  return context;
}

/** Staff comments and deprecation warnings for one field. */
export function FieldNotes({ path }: { path: string }) {
  const t = useT();
  const { comments, warnings, replaceConcept } = useEditor();
  const notes = comments.get(path);
  const issues = warnings.get(path);
  if (!notes?.length && !issues?.length) return null;
  return (
    <>
      {notes?.length ? (
        <div className="review-note" role="note" data-testid={`review-comment-${path}`}>
          <span className="review-note__label">{t('review.commentAtField')}</span>
          {notes.map((note, index) => (
            <p key={index} className="review-note__text">
              {note}
            </p>
          ))}
        </div>
      ) : null}
      {issues?.map((issue) => (
        <div key={issue.path} className="field-warning" role="note" data-testid={`field-warning-${issue.path}`}>
          <span>{issue.message}</span>
          {issue.replacementId ? (
            <button
              type="button"
              className="button button--ghost button--small"
              onClick={() => replaceConcept(issue.path, issue.replacementId!)}
              data-testid={`field-warning-replace-${issue.path}`}
            >
              {t('editor.replaceWith')} <ConceptLabel id={issue.replacementId} />
            </button>
          ) : null}
        </div>
      ))}
    </>
  );
}

/** `Field` (label, hint, server errors at `field-error-<path>`) plus review comments and warnings. */
export function EditorField({
  path,
  label,
  hint,
  required,
  wide,
  children,
}: {
  path: string;
  label: ReactNode;
  hint?: ReactNode;
  required?: boolean;
  wide?: boolean;
  children: (props: ControlProps & { required?: boolean; 'aria-required'?: boolean }) => ReactNode;
}) {
  const { form, comments } = useEditor();
  const commented = (comments.get(path)?.length ?? 0) > 0;
  return (
    <div
      className={['editor-field', wide ? 'editor-field--wide' : '', commented ? 'editor-field--commented' : ''].filter(Boolean).join(' ')}
      data-field={path}
    >
      <Field form={form} path={path} label={label} hint={hint} required={required}>
        {children}
      </Field>
      <FieldNotes path={path} />
    </div>
  );
}

/** Characters typed / allowed, for text limits. */
export function CharCount({ value, max }: { value: string; max: number }) {
  const t = useT();
  const format = useFormatters();
  const length = [...value].length;
  return (
    <span className={length > max ? 'char-count char-count--over' : 'char-count'}>
      {t('editor.charCount', { count: format.number(length), max: format.number(max) })}
    </span>
  );
}
