import { type FormEvent, type KeyboardEvent, useEffect, useMemo, useState } from 'react';
import { useClient, useMutation, useQuery } from 'urql';
import type { EditorConceptsQuery as EditorResult } from '@/generated/graphql';
import type { VocabularyExportFormat } from '@/generated/graphql';
import { useFormatters, useLocale, useT } from '@/i18n';
import { FormAlert, useFormErrors } from '@/shared/forms';
import {
  AddConceptMutation,
  ConceptChangesQuery,
  DeprecateConceptMutation,
  EditorConceptsQuery,
  MoveConceptMutation,
  UpdateConceptMutation,
  VocabularyExportQuery,
} from '../graphql/operations';

type Node = EditorResult['concepts']['edges'][number]['node'];
const SCHEMES = ['task', 'modality', 'industry', 'deployment', 'integration', 'certification', 'region'] as const;
const EDIT_PATHS = [
  'input.labelKo',
  'input.labelEn',
  'input.synonymsKo',
  'input.synonymsEn',
  'input.definitionKo',
  'input.definitionEn',
] as const;
type EditPath = (typeof EDIT_PATHS)[number];

/** Concepts in tree order (children under their parent), with their depth. */
function treeOf(nodes: Node[]): Array<Node & { depth: number }> {
  const byParent = new Map<string, Node[]>();
  const ids = new Set(nodes.map((n) => n.id));
  for (const n of nodes) {
    const key = n.parentId && ids.has(n.parentId) ? n.parentId : '';
    byParent.set(key, [...(byParent.get(key) ?? []), n]);
  }
  const out: Array<Node & { depth: number }> = [];
  const walk = (key: string, depth: number) => {
    for (const n of byParent.get(key) ?? []) {
      out.push({ ...n, depth });
      if (depth < 20) walk(n.id, depth + 1);
    }
  };
  walk('', 0);
  return out;
}

function download(fileName: string, content: string) {
  const url = URL.createObjectURL(new Blob([content], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  URL.revokeObjectURL(url);
}

/** Synonyms as removable chips; Enter or comma adds one. */
function ChipsInput(props: { id: string; label: string; values: string[]; onChange: (v: string[]) => void; errors: string[] }) {
  const t = useT();
  const [draft, setDraft] = useState('');
  const add = () => {
    const v = draft.trim();
    if (v && !props.values.includes(v)) props.onChange([...props.values, v]);
    setDraft('');
  };
  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter' || e.key === ',') {
      e.preventDefault();
      add();
    }
  };
  return (
    <div className="field">
      <label className="field__label" htmlFor={props.id}>
        {props.label}
      </label>
      <ul className="vocab-chips" aria-label={props.label}>
        {props.values.map((v) => (
          <li key={v} className="vocab-chip">
            {v}
            <button
              type="button"
              className="link-button"
              aria-label={t('vocabularyEditor.removeSynonym', { value: v })}
              onClick={() => props.onChange(props.values.filter((x) => x !== v))}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <input
        id={props.id}
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={onKey}
        onBlur={add}
        placeholder={t('vocabularyEditor.synonymPlaceholder')}
        aria-invalid={props.errors.length > 0}
      />
      {props.errors.map((m) => (
        <p key={m} className="field__error" role="alert">
          {m}
        </p>
      ))}
    </div>
  );
}

/** `/staff/vocabulary`: the vocabulary tree per scheme with search, the edit form, re-parenting, deprecation, history and export. */
export function VocabularyEditorPage() {
  const t = useT();
  const locale = useLocale();
  const format = useFormatters();
  const client = useClient();
  const [scheme, setScheme] = useState<string>('task');
  const [search, setSearch] = useState('');
  const [refresh, setRefresh] = useState(0);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [{ data, fetching, error }] = useQuery({
    query: EditorConceptsQuery,
    variables: { scheme, search: search.trim() || null, first: 100 },
    requestPolicy: 'network-only',
    context: useMemo(() => ({ additionalTypenames: ['Concept'], refresh }), [refresh]),
  });
  const [all] = useQuery({
    query: EditorConceptsQuery,
    variables: { scheme, first: 100 },
    requestPolicy: 'network-only',
    context: useMemo(() => ({ refresh }), [refresh]),
  });
  const nodes = useMemo(() => data?.concepts.edges.map((e) => e.node) ?? [], [data]);
  const schemeNodes = useMemo(() => all.data?.concepts.edges.map((e) => e.node) ?? [], [all.data]);
  const tree = useMemo(() => treeOf(nodes), [nodes]);
  const selected = schemeNodes.find((n) => n.id === selectedId) ?? nodes.find((n) => n.id === selectedId) ?? null;
  const label = (n: Pick<Node, 'labelKo' | 'labelEn'>) => (locale === 'en' ? n.labelEn : n.labelKo);
  const [notice, setNotice] = useState<string | null>(null);

  const exportAs = async (fmt: VocabularyExportFormat) => {
    const r = await client.query(VocabularyExportQuery, { format: fmt }, { requestPolicy: 'network-only' }).toPromise();
    if (r.data) download(r.data.vocabularyExport.fileName, r.data.vocabularyExport.content);
    else setNotice(r.error?.graphQLErrors[0]?.message ?? t('error.unknown'));
  };
  const changed = (message: string) => {
    setNotice(message);
    setRefresh((n) => n + 1);
  };

  return (
    <section className="page vocab-editor" data-testid="vocabulary-editor">
      <header className="page__header">
        <h1>{t('vocabularyEditor.title')}</h1>
        <p className="page__lead">{t('vocabularyEditor.lead')}</p>
        <div className="vocab-editor__exports">
          <button
            type="button"
            className="button button--small button--ghost"
            data-testid="vocab-export-json"
            onClick={() => void exportAs('JSON')}
          >
            {t('vocabularyEditor.exportJson')}
          </button>
          <button
            type="button"
            className="button button--small button--ghost"
            data-testid="vocab-export-aas"
            onClick={() => void exportAs('AAS')}
          >
            {t('vocabularyEditor.exportAas')}
          </button>
        </div>
      </header>
      {notice ? (
        <p className="field__hint" role="status" data-testid="vocab-notice">
          {notice}
        </p>
      ) : null}
      <div className="vocab-editor__layout">
        <div className="card vocab-editor__tree">
          <div className="field">
            <label className="field__label" htmlFor="vocab-scheme">
              {t('vocabularyEditor.scheme')}
            </label>
            <select
              id="vocab-scheme"
              value={scheme}
              onChange={(e) => {
                setScheme(e.target.value);
                setSelectedId(null);
              }}
            >
              {SCHEMES.map((s) => (
                <option key={s} value={s}>
                  {t(`vocabularyEditor.scheme.${s}` as never)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label className="field__label" htmlFor="vocab-search">
              {t('vocabularyEditor.search')}
            </label>
            <input id="vocab-search" type="search" value={search} onChange={(e) => setSearch(e.target.value)} data-testid="vocab-search" />
          </div>
          {error ? <p className="field__error">{t('vocabulary.loadFailed')}</p> : null}
          <ul className="vocab-tree" aria-busy={fetching || undefined} data-testid="vocab-tree">
            {tree.map((n) => (
              <li key={n.id} style={{ paddingInlineStart: `${n.depth * 1.1}rem` }}>
                <button
                  type="button"
                  className={`link-button${n.id === selectedId ? ' vocab-tree__selected' : ''}`}
                  aria-current={n.id === selectedId || undefined}
                  onClick={() => setSelectedId(n.id)}
                  data-testid="vocab-tree-item"
                  data-concept-id={n.id}
                >
                  {label(n)}
                </button>
                {n.deprecated ? <span className="muted"> ({t('vocabulary.deprecated')})</span> : null}
              </li>
            ))}
          </ul>
          {data && data.concepts.totalCount > nodes.length ? (
            <p className="muted">{t('vocabularyEditor.more', { count: data.concepts.totalCount - nodes.length })}</p>
          ) : null}
          <AddConceptForm
            scheme={scheme}
            concepts={schemeNodes}
            onAdded={(id) => {
              setSelectedId(id);
              changed(t('vocabularyEditor.added'));
            }}
          />
        </div>
        <div className="vocab-editor__detail">
          {selected ? (
            <>
              <EditConceptForm
                key={`${selected.id}:${selected.revision}`}
                concept={selected}
                onSaved={() => changed(t('vocabularyEditor.saved'))}
              />
              <MoveAndDeprecate
                key={`m:${selected.id}:${selected.revision}`}
                concept={selected}
                concepts={schemeNodes}
                label={label}
                onChanged={changed}
              />
              <ConceptHistory conceptId={selected.id} refresh={refresh} formatDate={(d) => format.date(d.toISOString())} />
            </>
          ) : (
            <p className="empty card">{t('vocabularyEditor.pick')}</p>
          )}
        </div>
      </div>
    </section>
  );
}

function EditConceptForm({ concept, onSaved }: { concept: Node; onSaved: () => void }) {
  const t = useT();
  const errors = useFormErrors(EDIT_PATHS, { mapPath: (p) => p.replace(/\[\d+\]$/, '') });
  const [, update] = useMutation(UpdateConceptMutation);
  const [form, setForm] = useState({
    labelKo: concept.labelKo,
    labelEn: concept.labelEn,
    synonymsKo: concept.synonymsKo,
    synonymsEn: concept.synonymsEn,
    definitionKo: concept.definitionKo ?? '',
    definitionEn: concept.definitionEn ?? '',
  });
  const set = (k: keyof typeof form) => (v: string | string[]) => {
    errors.clearField(`input.${k}`);
    setForm((f) => ({ ...f, [k]: v }));
  };
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await update({ id: concept.id, revision: concept.revision, input: form });
    errors.setError(r.error);
    if (!r.error) onSaved();
  };
  const text = (k: 'labelKo' | 'labelEn' | 'definitionKo' | 'definitionEn', multiline = false) => {
    const path = `input.${k}` as EditPath;
    const props = errors.controlProps(path);
    return (
      <div className="field">
        <label className="field__label" htmlFor={props.id}>
          {t(`vocabularyEditor.field.${k}` as never)}
        </label>
        {multiline ? (
          <textarea {...props} rows={3} value={form[k]} onChange={(e) => set(k)(e.target.value)} />
        ) : (
          <input {...props} value={form[k]} onChange={(e) => set(k)(e.target.value)} data-testid={`vocab-${k}`} />
        )}
        {errors.fieldErrors(path).map((fe) => (
          <p key={fe.message} id={errors.ids(path).error} className="field__error">
            {fe.message}
          </p>
        ))}
      </div>
    );
  };
  return (
    <form className="card vocab-editor__form" onSubmit={(e) => void onSubmit(e)} noValidate data-testid="vocab-edit-form">
      <h2>{t('vocabularyEditor.edit')}</h2>
      <p className="muted vocab-editor__id">{concept.id}</p>
      {text('labelKo')}
      {text('labelEn')}
      {(['synonymsKo', 'synonymsEn'] as const).map((k) => (
        <ChipsInput
          key={k}
          id={`vocab-${k}`}
          label={t(`vocabularyEditor.field.${k}` as never)}
          values={form[k]}
          onChange={set(k)}
          errors={errors.fieldErrors(`input.${k}`).map((fe) => fe.message)}
        />
      ))}
      {text('definitionKo', true)}
      {text('definitionEn', true)}
      <FormAlert summary={errors.summary} id={errors.alertId} />
      <button type="submit" className="button" data-testid="vocab-save">
        {t('vocabularyEditor.save')}
      </button>
    </form>
  );
}

function AddConceptForm({ scheme, concepts, onAdded }: { scheme: string; concepts: Node[]; onAdded: (id: string) => void }) {
  const t = useT();
  const locale = useLocale();
  const errors = useFormErrors(['input.labelKo', 'input.labelEn', 'input.slug', 'input.parentId'] as const);
  const [, add] = useMutation(AddConceptMutation);
  const [form, setForm] = useState({ labelKo: '', labelEn: '', parentId: '' });
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await add({ input: { scheme, labelKo: form.labelKo, labelEn: form.labelEn, parentId: form.parentId || null } });
    errors.setError(r.error);
    if (r.data) {
      setForm({ labelKo: '', labelEn: '', parentId: '' });
      onAdded(r.data.addConcept.id);
    }
  };
  const field = (k: 'labelKo' | 'labelEn', path: 'input.labelKo' | 'input.labelEn') => {
    const props = errors.controlProps(path);
    return (
      <div className="field">
        <label className="field__label" htmlFor={props.id}>
          {t(`vocabularyEditor.field.${k}` as never)}
        </label>
        <input
          {...props}
          value={form[k]}
          onChange={(e) => {
            errors.clearField(path);
            setForm((f) => ({ ...f, [k]: e.target.value }));
          }}
        />
        {[...errors.fieldErrors(path), ...(k === 'labelEn' ? errors.fieldErrors('input.slug') : [])].map((fe) => (
          <p key={fe.message} className="field__error">
            {fe.message}
          </p>
        ))}
      </div>
    );
  };
  return (
    <form className="vocab-editor__add" onSubmit={(e) => void onSubmit(e)} noValidate>
      <h2>{t('vocabularyEditor.add')}</h2>
      {field('labelKo', 'input.labelKo')}
      {field('labelEn', 'input.labelEn')}
      <div className="field">
        <label className="field__label" htmlFor="vocab-add-parent">
          {t('vocabularyEditor.parent')}
        </label>
        <select id="vocab-add-parent" value={form.parentId} onChange={(e) => setForm((f) => ({ ...f, parentId: e.target.value }))}>
          <option value="">{t('vocabularyEditor.topLevel')}</option>
          {treeOf(concepts).map((c) => (
            <option key={c.id} value={c.id}>
              {`${'\u00A0\u00A0'.repeat(c.depth)}${locale === 'en' ? c.labelEn : c.labelKo}`}
            </option>
          ))}
        </select>
        {errors.fieldErrors('input.parentId').map((fe) => (
          <p key={fe.message} className="field__error">
            {fe.message}
          </p>
        ))}
      </div>
      <FormAlert summary={errors.summary} id={errors.alertId} />
      <button type="submit" className="button button--small">
        {t('vocabularyEditor.addSubmit')}
      </button>
    </form>
  );
}

function MoveAndDeprecate(props: { concept: Node; concepts: Node[]; label: (n: Node) => string; onChanged: (m: string) => void }) {
  const t = useT();
  const { concept } = props;
  const [parentId, setParentId] = useState(concept.parentId ?? '');
  const [replacement, setReplacement] = useState('');
  const moveErrors = useFormErrors(['parentId'] as const);
  const depErrors = useFormErrors(['replacedById'] as const);
  const [, move] = useMutation(MoveConceptMutation);
  const [, deprecate] = useMutation(DeprecateConceptMutation);
  const options = treeOf(props.concepts);
  const replacedBy = props.concepts.find((c) => c.id === concept.replacedById);
  const onMove = async () => {
    const r = await move({ id: concept.id, parentId: parentId || null });
    moveErrors.setError(r.error);
    if (!r.error) props.onChanged(t('vocabularyEditor.moved'));
  };
  const onDeprecate = async () => {
    const r = await deprecate({ id: concept.id, replacedById: replacement });
    depErrors.setError(r.error);
    if (!r.error) props.onChanged(t('vocabularyEditor.deprecatedDone'));
  };
  const picker = (id: string, value: string, onChange: (v: string) => void, empty: string) => (
    <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">{empty}</option>
      {options
        .filter((c) => c.id !== concept.id)
        .map((c) => (
          <option key={c.id} value={c.id}>
            {`${'\u00A0\u00A0'.repeat(c.depth)}${props.label(c)}${c.deprecated ? ` (${t('vocabulary.deprecated')})` : ''}`}
          </option>
        ))}
    </select>
  );
  return (
    <div className="card vocab-editor__structure">
      <div className="field">
        <label className="field__label" htmlFor="vocab-parent">
          {t('vocabularyEditor.parent')}
        </label>
        {picker('vocab-parent', parentId, setParentId, t('vocabularyEditor.topLevel'))}
        {moveErrors.fieldErrors('parentId').map((fe) => (
          <p key={fe.message} className="field__error">
            {fe.message}
          </p>
        ))}
        <FormAlert summary={moveErrors.summary} id={moveErrors.alertId} />
        <button
          type="button"
          className="button button--small"
          onClick={() => void onMove()}
          disabled={parentId === (concept.parentId ?? '')}
        >
          {t('vocabularyEditor.move')}
        </button>
      </div>
      {concept.deprecated ? (
        <p className="field__hint field__hint--warning">
          {t('vocabularyEditor.isDeprecated', { replacement: replacedBy ? props.label(replacedBy) : (concept.replacedById ?? '') })}
        </p>
      ) : (
        <div className="field">
          <label className="field__label" htmlFor="vocab-replacement">
            {t('vocabularyEditor.replacement')}
          </label>
          {picker('vocab-replacement', replacement, setReplacement, t('common.selectNone'))}
          {depErrors.fieldErrors('replacedById').map((fe) => (
            <p key={fe.message} className="field__error">
              {fe.message}
            </p>
          ))}
          <FormAlert summary={depErrors.summary} id={depErrors.alertId} />
          <button type="button" className="button button--small button--ghost" onClick={() => void onDeprecate()} disabled={!replacement}>
            {t('vocabularyEditor.deprecate')}
          </button>
        </div>
      )}
    </div>
  );
}

function ConceptHistory({ conceptId, refresh, formatDate }: { conceptId: string; refresh: number; formatDate: (d: Date) => string }) {
  const t = useT();
  const [after, setAfter] = useState<string | null>(null);
  useEffect(() => setAfter(null), [conceptId, refresh]);
  const [{ data }] = useQuery({
    query: ConceptChangesQuery,
    variables: { conceptId, first: 10, after },
    requestPolicy: 'network-only',
    context: useMemo(() => ({ refresh }), [refresh]),
  });
  const page = data?.conceptChanges;
  return (
    <div className="card vocab-editor__history">
      <h2>{t('vocabularyEditor.history')}</h2>
      {page && page.edges.length === 0 ? <p className="muted">{t('vocabularyEditor.noHistory')}</p> : null}
      <ol>
        {page?.edges.map(({ node }) => (
          <li key={node.id}>
            <strong>{t(`vocabularyEditor.kind.${node.kind}` as never)}</strong> · {node.version} ·{' '}
            <span className="muted">{formatDate(new Date(node.createdAt))}</span>
          </li>
        ))}
      </ol>
      {page?.pageInfo.hasNextPage ? (
        <button type="button" className="link-button" onClick={() => setAfter(page.pageInfo.endCursor ?? null)}>
          {t('vocabularyEditor.older')}
        </button>
      ) : null}
    </div>
  );
}
