import { useState, type ChangeEvent } from 'react';
import { useNavigate } from 'react-router';
import { useMutation } from 'urql';
import { AAS_IMPORT_LIMITS } from '@aimatch/contracts';
import { useLocale, useT } from '@/i18n';
import { useViewer } from '@/shared/session';
import { Field, FormAlert, useFormErrors } from '@/shared/forms';
import { organizationName } from '@/modules/organization';
import { creatableKind } from '../model/labels';
import { ImportListingFromAasMutation, PreviewAasImportMutation } from '../graphql/aas-import';

const PATHS = ['source', 'shellId'] as const;
const MAX_BYTES = AAS_IMPORT_LIMITS.maxFileBytes;

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Upload an AAS file → preview (shell choice, mapping report) → confirm creates a draft and opens the editor (#17). */
export function AasImportPage() {
  const t = useT();
  const locale = useLocale();
  const navigate = useNavigate();
  const { viewer } = useViewer();
  const form = useFormErrors(PATHS);
  const orgs = (viewer?.memberships ?? []).filter((m) => creatableKind(m.organization.kind) === 'SUPPLY');
  const [organizationId, setOrganizationId] = useState<string>('');
  const [source, setSource] = useState<{ base64: string } | null>(null);
  const [shellId, setShellId] = useState<string | null>(null);
  const [{ data, fetching }, preview] = useMutation(PreviewAasImportMutation);
  const [{ fetching: creating }, confirm] = useMutation(ImportListingFromAasMutation);
  const orgId = organizationId || orgs[0]?.organization.id || '';
  const result = source ? data?.previewAasImport : undefined;

  const run = async (next: { base64: string }, shell: string | null) => {
    form.clear();
    const r = await preview({ organizationId: orgId, source: next, shellId: shell });
    if (r.error) form.setError(r.error);
  };

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    setShellId(null);
    setSource(null);
    if (!file) return;
    if (file.size > MAX_BYTES) return form.setFieldMessages({ source: t('aasImport.tooLarge') });
    const next = { base64: toBase64(new Uint8Array(await file.arrayBuffer())) };
    setSource(next);
    await run(next, null);
  };

  const choose = async (id: string) => {
    setShellId(id);
    if (source) await run(source, id);
  };

  const create = async () => {
    if (!source) return;
    const r = await confirm({ organizationId: orgId, source, shellId });
    if (r.error) return form.setError(r.error);
    if (r.data) await navigate(`/listings/${r.data.importListingFromAas.id}/edit`);
  };

  return (
    <div className="page" data-testid="aas-import-page">
      <div className="page__header">
        <div>
          <h1>{t('aasImport.title')}</h1>
          <p className="page__lead">{t('aasImport.lead')}</p>
        </div>
      </div>
      {orgs.length > 1 ? (
        <div className="field">
          <label className="field__label" htmlFor="aas-import-org">
            {t('aasImport.organization')}
          </label>
          <select id="aas-import-org" value={orgId} onChange={(e) => setOrganizationId(e.target.value)}>
            {orgs.map((m) => (
              <option key={m.organization.id} value={m.organization.id}>
                {organizationName(m.organization, locale)}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <Field form={form} path="source" label={t('aasImport.file')} hint={t('aasImport.fileHint')}>
        {(props) => (
          <input
            {...props}
            type="file"
            accept=".json,.aasx,application/json"
            data-testid="aas-import-file"
            onChange={(e) => void onFile(e)}
          />
        )}
      </Field>
      <FormAlert summary={form.summary} testId="aas-import-alert" />
      {fetching ? <p role="status">{t('aasImport.reading')}</p> : null}

      {result && result.shells.length > 1 ? (
        <fieldset className="field" data-testid="aas-import-shells">
          <legend className="field__label">{t('aasImport.shells')}</legend>
          {result.shells.map((s) => (
            <label key={s.id} className="checkbox">
              <input
                type="radio"
                name="aas-shell"
                value={s.id}
                checked={(shellId ?? result.selectedShellId) === s.id}
                onChange={() => void choose(s.id)}
              />{' '}
              {s.name ?? s.idShort ?? s.id} (
              {t(s.source === 'aimatch' ? 'aasImport.shellSource.aimatch' : 'aasImport.shellSource.third-party')})
            </label>
          ))}
        </fieldset>
      ) : null}

      {result && !result.needsChoice ? (
        <section data-testid="aas-import-preview">
          {result.title ? <h2>{t('aasImport.draftTitle', { title: result.title })}</h2> : null}
          <h3>{t('aasImport.report')}</h3>
          <div className="table-scroll">
            <table className="table" data-testid="aas-import-report">
              <thead>
                <tr>
                  <th>{t('aasImport.col.path')}</th>
                  <th>{t('aasImport.col.outcome')}</th>
                  <th>{t('aasImport.col.field')}</th>
                  <th>{t('aasImport.col.value')}</th>
                </tr>
              </thead>
              <tbody>
                {result.report.map((e) => (
                  <tr key={`${e.path}:${e.field ?? e.reason ?? ''}`} data-outcome={e.outcome}>
                    <td style={{ wordBreak: 'break-all' }}>{e.path}</td>
                    <td>{t(e.outcome === 'read' ? 'aasImport.outcome.read' : 'aasImport.outcome.ignored')}</td>
                    <td>{e.outcome === 'read' ? e.field : e.reason ? t(`aasImport.reason.${e.reason}` as never) : ''}</td>
                    <td style={{ wordBreak: 'break-word' }}>{e.value ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {result.warnings.length ? (
            <>
              <h3>{t('aasImport.warnings')}</h3>
              <ul data-testid="aas-import-warnings">
                {result.warnings.map((w, i) => (
                  <li key={i}>
                    <code>{w.path}</code> {w.message}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {result.incomplete.length ? (
            <>
              <h3>{t('aasImport.incomplete')}</h3>
              <ul>
                {result.incomplete.map((w, i) => (
                  <li key={i}>{w.message}</li>
                ))}
              </ul>
            </>
          ) : null}
          <div className="button-row">
            <button type="button" className="button" data-testid="aas-import-confirm" disabled={creating} onClick={() => void create()}>
              {creating ? t('aasImport.creating') : t('aasImport.confirm')}
            </button>
          </div>
        </section>
      ) : null}
    </div>
  );
}
