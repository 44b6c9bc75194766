import { useState } from 'react';
import { useClient } from 'urql';
import type { BidFieldsFragment, ConsortiumPartnerStatus, ConsortiumRole } from '@/generated/graphql';
import { BID_LIMITS, CONSORTIUM_ROLES } from '@aimatch/contracts';
import { useLocale, useT } from '@/i18n';
import { organizationName } from '@/modules/organization';
import { PartnerSearchQuery } from '../graphql/operations';
import { partnerShareSum, type PartnerOrganization, type PartnerRow } from '../model/bid-form';
import { CONSORTIUM_ROLE_KEYS, PARTNER_STATUS_KEYS } from '../model/labels';

export const MAX_PARTNERS = BID_LIMITS.maxPartners;
const PARTNER_KINDS = ['AI_SUPPLIER', 'SI_INTEGRATOR'];

export function PartnerStatusChip({ status, testId }: { status: ConsortiumPartnerStatus; testId?: string }) {
  const t = useT();
  return (
    <span className={`status consortium-status consortium-status--${status.toLowerCase()}`} data-testid={testId} data-status={status}>
      {t(PARTNER_STATUS_KEYS[status])}
    </span>
  );
}

/**
 * The consortium part of the bid form: find partner organizations (published supply listings
 * by name or capability, one entry per organization), give each a role and a share, remove
 * them; a saved bid shows where each invitation stands. Fixed once the bid is submitted.
 */
export function ConsortiumSection({
  leadOrganizationId,
  rows,
  onChange,
  saved,
  locked,
  errors,
}: {
  leadOrganizationId: string;
  rows: PartnerRow[];
  onChange: (rows: PartnerRow[]) => void;
  saved: BidFieldsFragment['partners'];
  locked: boolean;
  errors: string[];
}) {
  const t = useT();
  const locale = useLocale();
  const client = useClient();
  const [q, setQ] = useState('');
  const [results, setResults] = useState<Array<PartnerOrganization & { listingTitle: string }> | null>(null);
  const [searching, setSearching] = useState(false);
  const [searchFailed, setSearchFailed] = useState(false);

  const search = async () => {
    setSearching(true);
    setSearchFailed(false);
    const r = await client.query(PartnerSearchQuery, { q: q.trim() || null, first: 30 }, { requestPolicy: 'network-only' }).toPromise();
    setSearching(false);
    if (!r.data) {
      setSearchFailed(true);
      setResults([]);
      return;
    }
    const seen = new Set<string>();
    const found: Array<PartnerOrganization & { listingTitle: string }> = [];
    for (const edge of r.data.searchListings.edges) {
      const node = edge.node;
      const org = node.organization;
      if (seen.has(org.id) || !PARTNER_KINDS.includes(org.kind)) continue;
      seen.add(org.id);
      found.push({ id: org.id, nameKo: org.nameKo, nameEn: org.nameEn, listingTitle: node.title });
    }
    setResults(found);
  };

  const taken = new Set([leadOrganizationId, ...rows.map((r) => r.organization.id)]);
  const shareSum = partnerShareSum(rows);
  const leadShare = shareSum === null ? null : 100 - shareSum;
  const setRow = (id: string, patch: Partial<PartnerRow>) => onChange(rows.map((r) => (r.organization.id === id ? { ...r, ...patch } : r)));
  const pending = saved.filter((p) => p.status !== 'ACCEPTED').length;

  return (
    <fieldset className={errors.length > 0 ? 'fieldset consortium field--invalid' : 'fieldset consortium'} data-testid="consortium-section">
      <legend className="field__label">{t('consortium.title')}</legend>
      <p className="field__hint">{locked ? t('consortium.lockedHint') : t('consortium.hint')}</p>

      {rows.length > 0 ? (
        <table className="table consortium__table" data-testid="consortium-partners">
          <thead>
            <tr>
              <th scope="col">{t('consortium.col.organization')}</th>
              <th scope="col">{t('consortium.col.role')}</th>
              <th scope="col">{t('consortium.col.share')}</th>
              <th scope="col">{t('consortium.col.status')}</th>
              {!locked ? (
                <th scope="col">
                  <span className="visually-hidden">{t('common.remove')}</span>
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const id = row.organization.id;
              const name = organizationName(row.organization, locale);
              const before = saved.find((p) => p.organizationId === id);
              const unchanged = before && before.role === row.role && String(before.sharePercent) === row.share.trim();
              return (
                <tr key={id} data-testid={`consortium-partner-${id}`}>
                  <th scope="row">{name}</th>
                  <td>
                    {locked ? (
                      t(CONSORTIUM_ROLE_KEYS[row.role])
                    ) : (
                      <select
                        aria-label={t('consortium.roleOf', { name })}
                        value={row.role}
                        onChange={(e) => setRow(id, { role: e.target.value as ConsortiumRole })}
                        data-testid={`consortium-role-${id}`}
                      >
                        {CONSORTIUM_ROLES.map((role) => (
                          <option key={role} value={role}>
                            {t(CONSORTIUM_ROLE_KEYS[role])}
                          </option>
                        ))}
                      </select>
                    )}
                  </td>
                  <td>
                    {locked ? (
                      `${row.share}%`
                    ) : (
                      <span className="consortium__share">
                        <input
                          aria-label={t('consortium.shareOf', { name })}
                          type="number"
                          min={1}
                          max={99}
                          inputMode="numeric"
                          value={row.share}
                          onChange={(e) => setRow(id, { share: e.target.value })}
                          data-testid={`consortium-share-${id}`}
                        />{' '}
                        %
                      </span>
                    )}
                  </td>
                  <td>
                    {before && unchanged ? (
                      <PartnerStatusChip status={before.status} testId={`consortium-status-${id}`} />
                    ) : (
                      <span className="muted" data-testid={`consortium-status-${id}`} data-status="UNSAVED">
                        {t('consortium.status.unsaved')}
                      </span>
                    )}
                  </td>
                  {!locked ? (
                    <td>
                      <button
                        type="button"
                        className="button button--ghost button--small"
                        onClick={() => onChange(rows.filter((r) => r.organization.id !== id))}
                        data-testid={`consortium-remove-${id}`}
                      >
                        {t('common.remove')}
                      </button>
                    </td>
                  ) : null}
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : (
        <p className="muted" data-testid="consortium-empty">
          {t('consortium.empty')}
        </p>
      )}

      {rows.length > 0 ? (
        <p className="consortium__lead-share" role="status" data-testid="consortium-lead-share">
          {leadShare === null ? t('consortium.leadShareUnknown') : t('consortium.leadShare', { share: leadShare })}
        </p>
      ) : null}

      {saved.length > 0 && pending > 0 && !locked ? (
        <p className="alert alert--info" data-testid="consortium-pending-note">
          {t('consortium.pendingNote', { count: pending })}
        </p>
      ) : null}

      {errors.length > 0 ? (
        <p className="field__error" data-testid="field-error-partners">
          {errors.join(' ')}
        </p>
      ) : null}

      {!locked && rows.length < MAX_PARTNERS ? (
        <div className="consortium__search">
          <div className="search-row">
            <input
              type="search"
              aria-label={t('consortium.searchLabel')}
              placeholder={t('consortium.searchPlaceholder')}
              value={q}
              onChange={(e) => setQ(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  e.preventDefault();
                  void search();
                }
              }}
              data-testid="consortium-search-input"
            />{' '}
            <button
              type="button"
              className="button button--ghost button--small"
              onClick={() => void search()}
              disabled={searching}
              data-testid="consortium-search-button"
            >
              {searching ? t('common.working') : t('consortium.search')}
            </button>
          </div>
          {searchFailed ? <p className="field__error">{t('error.network')}</p> : null}
          {results !== null ? (
            results.length === 0 ? (
              <p className="muted" data-testid="consortium-no-results">
                {t('consortium.noResults')}
              </p>
            ) : (
              <ul className="consortium__results" data-testid="consortium-results">
                {results.map((org) => (
                  <li key={org.id} data-testid={`consortium-result-${org.id}`}>
                    <strong>{organizationName(org, locale)}</strong> <span className="muted">· {org.listingTitle}</span>{' '}
                    <button
                      type="button"
                      className="button button--ghost button--small"
                      disabled={taken.has(org.id)}
                      onClick={() =>
                        onChange([
                          ...rows,
                          { organization: { id: org.id, nameKo: org.nameKo, nameEn: org.nameEn }, role: 'SI_INTEGRATION', share: '' },
                        ])
                      }
                      data-testid={`consortium-add-${org.id}`}
                    >
                      {org.id === leadOrganizationId
                        ? t('consortium.isLead')
                        : taken.has(org.id)
                          ? t('consortium.added')
                          : t('consortium.add')}
                    </button>
                  </li>
                ))}
              </ul>
            )
          ) : null}
        </div>
      ) : null}
    </fieldset>
  );
}
