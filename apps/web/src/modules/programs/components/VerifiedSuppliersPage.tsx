import { useState } from 'react';
import { type CombinedError, useClient } from 'urql';
import type { OrganizationKind, VerifiedSupplierFilter, VerifiedSuppliersQuery as Result } from '@/generated/graphql';
import { useFormatters, useT } from '@/i18n';
import { FormAlert, summariseError } from '@/shared/forms';
import { usePagedList } from '@/shared/paging';
import { ConceptSelect } from '@/modules/vocabulary';
import { ExportVerifiedSuppliersMutation, VerifiedSuppliersQuery } from '../graphql/operations';

type Edge = Result['verifiedSuppliers']['edges'][number];

/** The filter as the API takes it: empty fields left out. */
export function supplierFilter(form: {
  kind: string;
  regionId: string;
  certificationId: string;
  verifiedSince: string;
}): VerifiedSupplierFilter {
  return {
    kinds: form.kind ? [form.kind as OrganizationKind] : null,
    regionId: form.regionId.trim() || null,
    certificationId: form.certificationId.trim() || null,
    verifiedSince: form.verifiedSince || null,
  };
}

/** `/staff/suppliers`: verified AI suppliers and SI integrators for the tax-support request, with "CSV 내려받기" (audited). */
export function VerifiedSuppliersPage() {
  const t = useT();
  const format = useFormatters();
  const client = useClient();
  const [form, setForm] = useState({ kind: '', regionId: '', certificationId: '', verifiedSince: '' });
  const [applied, setApplied] = useState(() => supplierFilter(form));
  const [exportError, setExportError] = useState<CombinedError | undefined>();
  const list = usePagedList<Edge>({
    key: `verified-suppliers:${JSON.stringify(applied)}`,
    idOf: (edge) => edge.node.organizationId,
    fetchPage: async (c, after) => {
      const r = await c.query(VerifiedSuppliersQuery, { filter: applied, first: 50, after }, { requestPolicy: 'network-only' }).toPromise();
      return { page: r.data?.verifiedSuppliers, error: r.error };
    },
  });
  const summary = summariseError(list.error ?? exportError, { networkMessage: t('error.network'), unknownMessage: t('error.unknown') });
  const download = async () => {
    const r = await client.mutation(ExportVerifiedSuppliersMutation, { filter: applied }).toPromise();
    setExportError(r.error);
    const out = r.data?.exportVerifiedSuppliers;
    if (!out) return;
    const url = URL.createObjectURL(new Blob([out.csv], { type: 'text/csv;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = out.filename;
    a.click();
    URL.revokeObjectURL(url);
  };
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [k]: e.target.value });

  return (
    <div className="page" data-testid="verified-suppliers-page">
      <div className="page__header">
        <div>
          <h1>{t('suppliers.title')}</h1>
          <p className="page__lead">{t('suppliers.lead')}</p>
        </div>
        {list.totalCount !== null ? <span className="muted">{t('suppliers.count', { count: format.number(list.totalCount) })}</span> : null}
      </div>
      <form
        className="card form filters"
        onSubmit={(e) => {
          e.preventDefault();
          setApplied(supplierFilter(form));
        }}
      >
        <label>
          {t('suppliers.kind')}
          <select value={form.kind} onChange={set('kind')} data-testid="suppliers-kind">
            <option value="">{t('suppliers.kind.all')}</option>
            <option value="AI_SUPPLIER">{t('suppliers.kind.AI_SUPPLIER')}</option>
            <option value="SI_INTEGRATOR">{t('suppliers.kind.SI_INTEGRATOR')}</option>
          </select>
        </label>
        <label>
          {t('suppliers.region')}
          <ConceptSelect
            scheme="region"
            value={form.regionId}
            onChange={(regionId) => setForm({ ...form, regionId })}
            placeholder={t('suppliers.anyRegion')}
            data-testid="suppliers-region"
          />
          {summary.fields['filter.regionId']?.[0] ? (
            <span className="field__error">{summary.fields['filter.regionId'][0].message}</span>
          ) : null}
        </label>
        <label>
          {t('suppliers.certification')}
          <ConceptSelect
            scheme="certification"
            value={form.certificationId}
            onChange={(certificationId) => setForm({ ...form, certificationId })}
            placeholder={t('suppliers.anyCertification')}
            data-testid="suppliers-certification"
          />
          {summary.fields['filter.certificationId']?.[0] ? (
            <span className="field__error">{summary.fields['filter.certificationId'][0].message}</span>
          ) : null}
        </label>
        <label>
          {t('suppliers.verifiedSince')}
          <input type="date" value={form.verifiedSince} onChange={set('verifiedSince')} />
        </label>
        <button type="submit" className="button button--small">
          {t('suppliers.apply')}
        </button>
        <button type="button" className="button button--ghost button--small" onClick={() => void download()} data-testid="suppliers-export">
          {t('suppliers.export')}
        </button>
      </form>
      <FormAlert summary={summary} />
      <div className="table-scroll">
        <table className="table" data-testid="suppliers-table">
          <thead>
            <tr>
              <th>{t('suppliers.col.name')}</th>
              <th>{t('suppliers.col.brn')}</th>
              <th>{t('suppliers.col.region')}</th>
              <th>{t('suppliers.col.certifications')}</th>
              <th>{t('suppliers.col.verifiedAt')}</th>
            </tr>
          </thead>
          <tbody>
            {list.edges.map(({ node }) => (
              <tr key={node.organizationId}>
                <td>
                  {node.nameKo}{' '}
                  <span className="muted">{t(`suppliers.kind.${node.kind === 'SI_INTEGRATOR' ? 'SI_INTEGRATOR' : 'AI_SUPPLIER'}`)}</span>
                </td>
                <td>{node.businessRegistrationNumber}</td>
                <td>{node.regionLabel ?? '—'}</td>
                <td>{node.certifications.map((c) => `${c.label} (${c.expiresOn ?? t('suppliers.noExpiry')})`).join(', ') || '—'}</td>
                <td>{node.verifiedAt ? format.date(node.verifiedAt) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {list.hasNextPage ? (
        <button type="button" className="button button--ghost" onClick={list.loadMore} disabled={list.loadingMore}>
          {list.loadingMore ? t('common.loading') : t('listing.more')}
        </button>
      ) : null}
    </div>
  );
}
