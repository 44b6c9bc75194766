import { type FormEvent, useMemo, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import type { MarketStatsQuery as MarketStatsResult, MarketStatsTable, StatsGroupBy } from '@/generated/graphql';
import { type SimpleMessageKey, type Translate, useT } from '@/i18n';
import { FormAlert, summariseError } from '@/shared/forms';
import { ExportMarketStatsMutation, MarketStatsQuery } from '../graphql/operations';
import { type ChartSeries, StatsChart } from './StatsChart';

const DAY_MS = 86_400_000;
/** Today in Korea (the marketplace's calendar), `YYYY-MM-DD`. */
const koreanDay = (at: number) => new Date(at + 9 * 3_600_000).toISOString().slice(0, 10);
const PRESETS = [
  { key: 'stats.preset.30', days: 30 },
  { key: 'stats.preset.90', days: 90 },
  { key: 'stats.preset.365', days: 365 },
] as const;
const rangeOf = (days: number) => ({ from: koreanDay(Date.now() - (days - 1) * DAY_MS), to: koreanDay(Date.now()) });
const addYears = (day: string, years: number) => `${Number(day.slice(0, 4)) + years}${day.slice(4)}`;

interface Section {
  table: MarketStatsTable;
  titleKey: SimpleMessageKey;
  chart: 'bar' | 'line';
  labels: string[];
  series: ChartSeries[];
  header: string[];
  rows: Array<Array<string | number>>;
}

type Stats = MarketStatsResult['marketStats'];

function pivot(points: Array<{ period: string; series: string; count: number }>, seriesLabel: (s: string) => string) {
  const labels = [...new Set(points.map((p) => p.period))].sort();
  const names = [...new Set(points.map((p) => p.series))].sort();
  return {
    labels,
    series: names.map((n) => ({
      label: seriesLabel(n),
      data: labels.map((l) => points.find((p) => p.period === l && p.series === n)?.count ?? 0),
    })),
  };
}

/** `/staff/stats`: the market in numbers — charts with a table and a CSV download each, for a chosen date range. */
export function MarketStatsPage() {
  const t = useT();
  const [draft, setDraft] = useState({ ...rangeOf(90), groupBy: 'WEEK' as StatsGroupBy });
  const [applied, setApplied] = useState(draft);
  const [rangeError, setRangeError] = useState<string | null>(null);
  const [{ data, fetching, error }] = useQuery({ query: MarketStatsQuery, variables: applied, requestPolicy: 'network-only' });
  const [exported, exportCsv] = useMutation(ExportMarketStatsMutation);

  const apply = (next: typeof draft) => {
    setDraft(next);
    if (!next.from || !next.to) return setRangeError(t('stats.range.required'));
    if (next.to < next.from) return setRangeError(t('stats.range.reversed'));
    if (next.to > addYears(next.from, 5)) return setRangeError(t('stats.range.tooLong'));
    setRangeError(null);
    setApplied(next);
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    apply(draft);
  };
  const download = async (table: MarketStatsTable) => {
    const r = await exportCsv({ ...applied, table });
    const file = r.data?.exportMarketStats;
    if (!file) return;
    const url = URL.createObjectURL(new Blob([file.csv], { type: 'text/csv;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = file.filename;
    document.body.append(a);
    a.click();
    a.remove();
    URL.revokeObjectURL(url);
  };

  const sections = useMemo(() => (data ? sectionsOf(data.marketStats, t) : []), [data, t]);
  const summary = data?.marketStats;

  return (
    <section className="stats-page" data-testid="market-stats-page">
      <h1>{t('stats.title')}</h1>
      <p className="muted">{t('stats.lead')}</p>
      <form className="stats-filters" onSubmit={onSubmit} noValidate>
        <div className="stats-presets" role="group" aria-label={t('stats.presets')}>
          {PRESETS.map((p) => (
            <button
              key={p.days}
              type="button"
              className="button button--secondary"
              onClick={() => apply({ ...draft, ...rangeOf(p.days) })}
              data-testid={`stats-preset-${p.days}`}
            >
              {t(p.key)}
            </button>
          ))}
        </div>
        <div className="field">
          <label className="field__label" htmlFor="stats-from">
            {t('stats.from')}
          </label>
          <input
            id="stats-from"
            type="date"
            value={draft.from}
            onChange={(e) => setDraft({ ...draft, from: e.target.value })}
            data-testid="stats-from"
          />
        </div>
        <div className="field">
          <label className="field__label" htmlFor="stats-to">
            {t('stats.to')}
          </label>
          <input
            id="stats-to"
            type="date"
            value={draft.to}
            onChange={(e) => setDraft({ ...draft, to: e.target.value })}
            data-testid="stats-to"
            aria-invalid={rangeError ? true : undefined}
            aria-describedby={rangeError ? 'stats-range-error' : undefined}
          />
        </div>
        <div className="field">
          <label className="field__label" htmlFor="stats-group">
            {t('stats.groupBy')}
          </label>
          <select
            id="stats-group"
            value={draft.groupBy}
            onChange={(e) => apply({ ...draft, groupBy: e.target.value as StatsGroupBy })}
            data-testid="stats-group"
          >
            <option value={'DAY'}>{t('stats.groupBy.day')}</option>
            <option value={'WEEK'}>{t('stats.groupBy.week')}</option>
            <option value={'MONTH'}>{t('stats.groupBy.month')}</option>
          </select>
        </div>
        <button type="submit" className="button" data-testid="stats-apply">
          {t('stats.apply')}
        </button>
        {rangeError && (
          <p className="field__error" id="stats-range-error" role="alert" data-testid="stats-range-error">
            {rangeError}
          </p>
        )}
      </form>
      <FormAlert
        summary={summariseError(error ?? exported.error, { networkMessage: t('error.network'), unknownMessage: t('error.unknown') })}
      />
      {fetching && !data && (
        <p aria-live="polite" data-testid="stats-loading">
          {t('stats.loading')}
        </p>
      )}
      {summary && (
        <dl className="stats-kpis" data-testid="stats-kpis">
          <div>
            <dt>{t('stats.kpi.backlog')}</dt>
            <dd>{summary.verification.backlog}</dd>
          </div>
          <div>
            <dt>{t('stats.kpi.bidsPerDemand')}</dt>
            <dd>{fmt(summary.bids.bidsPerDemand)}</dd>
          </div>
          <div>
            <dt>{t('stats.kpi.firstBid')}</dt>
            <dd>{fmt(summary.bids.medianHoursToFirstBid)}</dd>
          </div>
          <div>
            <dt>{t('stats.kpi.awardRate')}</dt>
            <dd>{pct(summary.bids.awardRate)}</dd>
          </div>
          <div>
            <dt>{t('stats.kpi.firstResponse')}</dt>
            <dd>{fmt(summary.chat.medianMinutesToFirstResponse)}</dd>
          </div>
        </dl>
      )}
      <div className="stats-grid">
        {sections.map((s) => (
          <article key={s.table} className="stats-card" data-testid={`stats-section-${s.table}`}>
            <header className="stats-card__head">
              <h2>{t(s.titleKey)}</h2>
              <button
                type="button"
                className="button button--secondary"
                onClick={() => void download(s.table)}
                data-testid={`stats-csv-${s.table}`}
              >
                {t('stats.csv')}
              </button>
            </header>
            {s.rows.length === 0 ? (
              <p className="muted" data-testid={`stats-empty-${s.table}`}>
                {t('stats.empty')}
              </p>
            ) : (
              <>
                <StatsChart type={s.chart} labels={s.labels} series={s.series} title={t(s.titleKey)} testId={`stats-chart-${s.table}`} />
                <div className="table-scroll">
                  <table className="stats-table">
                    <caption className="visually-hidden">{t(s.titleKey)}</caption>
                    <thead>
                      <tr>
                        {s.header.map((h) => (
                          <th key={h} scope="col">
                            {h}
                          </th>
                        ))}
                      </tr>
                    </thead>
                    <tbody>
                      {s.rows.map((r, i) => (
                        <tr key={i}>
                          {r.map((c, j) => (
                            <td key={j}>{c}</td>
                          ))}
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </>
            )}
          </article>
        ))}
      </div>
    </section>
  );
}

const fmt = (n: number | null | undefined) => (n === null || n === undefined ? '–' : Number(n.toFixed(1)).toLocaleString());
const pct = (n: number | null | undefined) => (n === null || n === undefined ? '–' : `${(n * 100).toFixed(1)}%`);

function sectionsOf(s: Stats, t: Translate): Section[] {
  const kind = (k: string | null) => (k === 'DEMAND' ? t('stats.kind.demand') : k === 'SUPPLY' ? t('stats.kind.supply') : (k ?? ''));
  const breakdown = (table: MarketStatsTable, titleKey: SimpleMessageKey, rows: Stats['listingsByStatus']): Section => {
    const labels = [...new Set(rows.map((r) => r.label))];
    const kinds = ['DEMAND', 'SUPPLY'].filter((k) => rows.some((r) => r.listingKind === k));
    return {
      table,
      titleKey,
      chart: 'bar',
      labels,
      series: kinds.map((k) => ({
        label: kind(k),
        data: labels.map((l) => rows.find((r) => r.label === l && r.listingKind === k)?.count ?? 0),
      })),
      header: [t('stats.col.kind'), t('stats.col.key'), t('stats.col.count')],
      rows: rows.map((r) => [kind(r.listingKind), r.label, r.count]),
    };
  };
  const series = (
    table: MarketStatsTable,
    titleKey: SimpleMessageKey,
    points: Stats['newListings'],
    label: (x: string) => string,
  ): Section => ({
    table,
    titleKey,
    chart: 'line',
    ...pivot(points, label),
    header: [t('stats.col.period'), t('stats.col.series'), t('stats.col.count')],
    rows: points.map((p) => [p.period, label(p.series), p.count]),
  });
  const scores = s.awardedMatchScores;
  return [
    series('NEW_LISTINGS', 'stats.newListings', s.newListings, kind),
    series('NEW_ORGANIZATIONS', 'stats.newOrganizations', s.newOrganizations, (k) => k),
    breakdown('LISTINGS_BY_STATUS', 'stats.byStatus', s.listingsByStatus),
    breakdown('LISTINGS_BY_INDUSTRY', 'stats.byIndustry', s.listingsByIndustry),
    breakdown('LISTINGS_BY_REGION', 'stats.byRegion', s.listingsByRegion),
    breakdown('LISTINGS_BY_TASK', 'stats.byTask', s.listingsByTask),
    {
      table: 'AWARDED_MATCH_SCORES',
      titleKey: 'stats.matchScores',
      chart: 'bar',
      labels: scores.map((b) => `${b.lower}–${b.upper}`),
      series: [{ label: t('stats.col.count'), data: scores.map((b) => b.count) }],
      header: [t('stats.col.scoreRange'), t('stats.col.count')],
      rows: scores.every((b) => b.count === 0) ? [] : scores.map((b) => [`${b.lower}–${b.upper}`, b.count]),
    },
    {
      table: 'PROGRAM_ELIGIBILITY',
      titleKey: 'stats.programs',
      chart: 'bar',
      labels: s.programEligibility.map((p) => p.name),
      series: [{ label: t('stats.col.eligible'), data: s.programEligibility.map((p) => p.eligible) }],
      header: [t('stats.col.program'), t('stats.col.eligible'), t('stats.col.possible')],
      rows: s.programEligibility.map((p) => [p.name, p.eligible, p.possible]),
    },
  ];
}
