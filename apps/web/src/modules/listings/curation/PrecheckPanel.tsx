import { Link } from 'react-router';
import { useT } from '@/i18n';
import type { PrecheckFlag, PrecheckKind, PrecheckReport } from './curation-api';
import { percent } from './waiting';

const KIND_KEYS: Record<PrecheckKind, `curation.kind.${PrecheckKind}`> = {
  INCOMPLETE: 'curation.kind.INCOMPLETE',
  NEAR_DUPLICATE: 'curation.kind.NEAR_DUPLICATE',
  CONTACT_DETAILS: 'curation.kind.CONTACT_DETAILS',
  EXTERNAL_PAYMENT: 'curation.kind.EXTERNAL_PAYMENT',
  PERSONAL_DATA: 'curation.kind.PERSONAL_DATA',
  PROHIBITED_KEYWORD: 'curation.kind.PROHIBITED_KEYWORD',
};

export function PrecheckUnavailable() {
  const t = useT();
  return (
    <p className="alert alert--warning" role="status" data-testid="precheck-unavailable">
      {t('curation.precheckFailed')}
    </p>
  );
}

function kindLabel(kind: string, t: ReturnType<typeof useT>): string {
  return kind in KIND_KEYS ? t(KIND_KEYS[kind as PrecheckKind]) : kind;
}

/** One chip per flag kind (blockers first), or "no flags". */
export function FlagChips({ report, testId }: { report: PrecheckReport; testId: string }) {
  const t = useT();
  if (report.flags.length === 0) {
    return (
      <p className="curation__clean" data-testid={testId} data-flags="">
        {t('curation.noFlags')}
      </p>
    );
  }
  const kinds = new Map<string, PrecheckFlag['severity']>();
  for (const flag of report.flags) {
    if (kinds.get(flag.kind) !== 'BLOCKER') kinds.set(flag.kind, flag.severity);
  }
  const ordered = [...kinds.entries()].sort((a, b) => (a[1] === b[1] ? 0 : a[1] === 'BLOCKER' ? -1 : 1));
  return (
    <ul className="chips curation__flags" data-testid={testId} data-flags={ordered.map(([k]) => k).join(' ')}>
      {ordered.map(([kind, severity]) => (
        <li key={kind} className={`chip curation__flag curation__flag--${severity.toLowerCase()}`} data-kind={kind}>
          {kindLabel(kind, t)}
        </li>
      ))}
    </ul>
  );
}

/** The detail view's pre-check panel: completeness, and per flag its kind, message, masked excerpt and related listing. */
export function PrecheckPanel({ report }: { report: PrecheckReport }) {
  const t = useT();
  return (
    <section className="card curation__panel" aria-labelledby="precheck-heading" data-testid="precheck-panel">
      <h2 id="precheck-heading" className="card__title">
        {t('curation.precheckTitle')}
      </h2>
      <p className="muted" data-testid="precheck-completeness">
        {t('curation.completeness', { percent: percent(report.completeness) })}
      </p>
      {report.flags.length === 0 ? (
        <p data-testid="precheck-none">{t('curation.noFlags')}</p>
      ) : (
        <ul className="curation__flag-list">
          {report.flags.map((flag, index) => (
            <li
              key={index}
              className={`curation__flag-item curation__flag-item--${flag.severity.toLowerCase()}`}
              data-testid={`precheck-flag-${index}`}
              data-kind={flag.kind}
            >
              <p className="curation__flag-title">
                <span className={`chip curation__flag curation__flag--${flag.severity.toLowerCase()}`}>{kindLabel(flag.kind, t)}</span>
                <span className="muted">{flag.severity === 'BLOCKER' ? t('curation.blocker') : t('curation.warning')}</span>
              </p>
              <p>{flag.message}</p>
              {flag.excerpt ? (
                <p className="curation__excerpt" data-testid={`precheck-excerpt-${index}`}>
                  “{flag.excerpt}”
                </p>
              ) : null}
              {flag.relatedListing ? (
                <p className="curation__related">
                  {flag.similarity !== null ? t('curation.similarity', { percent: percent(flag.similarity) }) : null}{' '}
                  <Link to={`/listings/${flag.relatedListing.id}`} data-testid={`precheck-related-${index}`}>
                    {flag.relatedListing.title}
                  </Link>
                  {flag.relatedListing.organizationName ? <span className="muted"> ({flag.relatedListing.organizationName})</span> : null}
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
