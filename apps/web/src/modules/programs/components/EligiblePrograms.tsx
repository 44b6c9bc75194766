import { useQuery } from 'urql';
import { useLocale, useT } from '@/i18n';
import { formatKrw } from '@/shared/format';
import { EligibleProgramsQuery } from '../graphql/operations';

/**
 * Support programs an organization (supplier home) or a demand (its owner) may apply to: the verdict
 * (지원 가능 / 확인 필요), every rule met, missed or unknown with its reason, the benefit, the window, the link.
 */
export function EligiblePrograms({ organizationId, demandId }: { organizationId?: string; demandId?: string }) {
  const t = useT();
  const locale = useLocale();
  const [{ data, error }] = useQuery({
    query: EligibleProgramsQuery,
    variables: { organizationId: organizationId ?? null, demandId: demandId ?? null, first: 20 },
  });
  if (error) return null;
  const edges = data?.eligiblePrograms.edges ?? [];
  return (
    <section className="card programs" data-testid="eligible-programs">
      <h2>{t('programs.eligible.title')}</h2>
      <p className="muted">{t('programs.eligible.lead')}</p>
      {data && edges.length === 0 ? <p data-testid="eligible-programs-empty">{t('programs.eligible.empty')}</p> : null}
      <ul className="programs__list">
        {edges.map(({ node }) => {
          const p = node.program;
          const name = locale === 'en' ? (p.nameEn ?? p.nameKo) : p.nameKo;
          const agency = locale === 'en' ? (p.agencyEn ?? p.agencyKo) : p.agencyKo;
          const benefit = locale === 'en' ? (p.benefitEn ?? p.benefitKo) : p.benefitKo;
          return (
            <li key={p.id} className="programs__item" data-testid={`eligible-program-${p.id}`}>
              <div className="programs__head">
                <strong>{name}</strong>
                <span
                  className={`chip ${node.verdict === 'ELIGIBLE' ? 'chip--ok' : 'chip--warn'}`}
                  data-testid={`eligible-program-verdict-${p.id}`}
                >
                  {node.verdict === 'ELIGIBLE' ? t('programs.verdict.eligible') : t('programs.verdict.possible')}
                </span>
                {p.isSample ? <span className="chip">{t('programs.sample')}</span> : null}
              </div>
              <p className="muted">{agency}</p>
              <p>
                {benefit}
                {p.maxBenefitKrw ? ` · ${t('programs.maxBenefit', { amount: formatKrw(p.maxBenefitKrw, locale) })}` : null}
              </p>
              {p.opensOn || p.closesOn ? (
                <p className="muted">{t('programs.window', { from: p.opensOn ?? '—', to: p.closesOn ?? '—' })}</p>
              ) : null}
              <ul className="programs__rules">
                {node.rules.map((r) => (
                  <li
                    key={r.index}
                    className={`programs__rule programs__rule--${r.status.toLowerCase()}`}
                    data-testid="eligible-program-rule"
                  >
                    <span>{r.status === 'MET' ? '✓' : r.status === 'MISSED' ? '✗' : '?'}</span> {r.reason}
                  </li>
                ))}
              </ul>
              {p.url ? (
                <a href={p.url} target="_blank" rel="noopener noreferrer">
                  {t('programs.link')}
                </a>
              ) : null}
              {p.isSample && p.sourceNote ? <p className="muted">{t('programs.source', { source: p.sourceNote })}</p> : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
