import { useState } from 'react';
import { useClient, useQuery, type CombinedError } from 'urql';
import type { InvestmentChannel, VentureDeductionQuery as Result, VentureClawbackQuery as ClawbackResult } from '@/generated/graphql';
import { type SimpleMessageKey, useLocale, useT } from '@/i18n';
import { formatKrw } from '@/shared/format';
import { AmountInput, FormAlert, parseKrwInput, summariseError } from '@/shared/forms';
import { VentureClawbackQuery, VentureDeductionQuery, VentureDeductionRulesQuery } from '../graphql/operations';

const CHANNELS: readonly InvestmentChannel[] = [
  'DIRECT',
  'ANGEL_FUND',
  'CROWDFUNDING',
  'VENTURE_FUND',
  'NEW_TECHNOLOGY_FUND',
  'SPECIALISED_FUND',
  'PRIVATE_EQUITY_FUND',
  'VENTURE_TRUST',
];
interface Line {
  channel: InvestmentChannel;
  amount: string;
}

/** The years one may take the deduction in: the investment year and the next `electionYears` (the rules' field). */
export function taxYearsFor(investmentYear: number, electionYears: number): number[] {
  return Array.from({ length: electionYears + 1 }, (_, i) => investmentYear + i);
}

/** `/tools/venture-deduction`: the venture-investment income deduction (guidance, not tax advice). */
export function VentureDeductionPage() {
  const t = useT();
  const locale = useLocale();
  const client = useClient();
  const [{ data: rules }] = useQuery({ query: VentureDeductionRulesQuery });
  const latest = rules?.ventureDeductionRules.at(-1);
  const thisYear = new Date().getFullYear();
  const [investmentYear, setInvestmentYear] = useState(thisYear - 1);
  const [taxYear, setTaxYear] = useState(thisYear - 1);
  const [income, setIncome] = useState('');
  const [lines, setLines] = useState<Line[]>([{ channel: 'DIRECT', amount: '' }]);
  const [result, setResult] = useState<Result['ventureDeduction'] | null>(null);
  const [error, setError] = useState<CombinedError | undefined>();
  const [investedOn, setInvestedOn] = useState('');
  const [occurredOn, setOccurredOn] = useState('');
  const [exceptionCode, setExceptionCode] = useState('');
  const [clawback, setClawback] = useState<ClawbackResult['ventureClawback'] | null>(null);
  const [clawbackError, setClawbackError] = useState<CombinedError | undefined>();

  const years = taxYearsFor(investmentYear, latest?.electionYears ?? 2);
  const summary = summariseError(error, { networkMessage: t('error.network'), unknownMessage: t('error.unknown') });
  const clawSummary = summariseError(clawbackError, { networkMessage: t('error.network'), unknownMessage: t('error.unknown') });
  const fieldError = (s: typeof summary, path: string) => s.fields[path]?.[0]?.message;
  const amountOf = (v: string) => {
    const n = parseKrwInput(v);
    return typeof n === 'number' ? n : -1;
  };

  const calculate = async () => {
    const r = await client
      .query(VentureDeductionQuery, {
        input: {
          investmentYear,
          taxYear,
          comprehensiveIncomeKrw: amountOf(income),
          investments: lines.map((l) => ({ channel: l.channel, amountKrw: amountOf(l.amount) })),
        },
      })
      .toPromise();
    setError(r.error);
    setResult(r.data?.ventureDeduction ?? null);
  };
  const check = async () => {
    const r = await client
      .query(VentureClawbackQuery, { input: { kind: 'TRANSFER', investedOn, occurredOn, exceptionCode: exceptionCode || null } })
      .toPromise();
    setClawbackError(r.error);
    setClawback(r.data?.ventureClawback ?? null);
  };

  return (
    <div className="page deduction" data-testid="venture-deduction-page">
      <div className="page__header">
        <div>
          <h1>{t('deduction.title')}</h1>
          <p className="page__lead">{t('deduction.lead')}</p>
        </div>
      </div>
      <p className="alert alert--warn" role="note" data-testid="deduction-notice">
        {latest?.notice ?? t('deduction.notice')}
      </p>
      <form
        className="card form deduction__form"
        onSubmit={(e) => {
          e.preventDefault();
          void calculate();
        }}
      >
        <div className="field">
          <label htmlFor="deduction-investment-year">{t('deduction.investmentYear')}</label>
          <input
            id="deduction-investment-year"
            type="number"
            value={investmentYear}
            data-testid="deduction-investment-year"
            onChange={(e) => {
              const y = Number(e.target.value);
              setInvestmentYear(y);
              setTaxYear(y);
            }}
          />
          {fieldError(summary, 'investmentYear') ? <p className="field__error">{fieldError(summary, 'investmentYear')}</p> : null}
        </div>
        <div className="field">
          <label htmlFor="deduction-tax-year">{t('deduction.taxYear')}</label>
          <select
            id="deduction-tax-year"
            value={taxYear}
            onChange={(e) => setTaxYear(Number(e.target.value))}
            data-testid="deduction-tax-year"
          >
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
          {fieldError(summary, 'taxYear') ? <p className="field__error">{fieldError(summary, 'taxYear')}</p> : null}
        </div>
        <div className="field">
          <label htmlFor="deduction-income">{t('deduction.income')}</label>
          <AmountInput
            props={{
              id: 'deduction-income',
              name: 'comprehensiveIncomeKrw',
              'aria-invalid': !!fieldError(summary, 'comprehensiveIncomeKrw'),
            }}
            value={income}
            onChange={setIncome}
            testId="deduction-income"
            unit={t('deduction.won')}
          />
          {fieldError(summary, 'comprehensiveIncomeKrw') ? (
            <p className="field__error">{fieldError(summary, 'comprehensiveIncomeKrw')}</p>
          ) : null}
        </div>
        <fieldset className="deduction__lines">
          <legend>{t('deduction.investments')}</legend>
          {lines.map((line, i) => (
            <div key={i} className="deduction__line" data-testid={`deduction-line-${i}`}>
              <select
                aria-label={t('deduction.channel')}
                value={line.channel}
                data-testid={`deduction-channel-${i}`}
                onChange={(e) => setLines(lines.map((l, j) => (j === i ? { ...l, channel: e.target.value as InvestmentChannel } : l)))}
              >
                {CHANNELS.map((c) => (
                  <option key={c} value={c}>
                    {t(`deduction.channel.${c}` as SimpleMessageKey)}
                  </option>
                ))}
              </select>
              <AmountInput
                props={{
                  id: `deduction-amount-${i}`,
                  name: `investments.${i}.amountKrw`,
                  'aria-invalid': !!fieldError(summary, `investments.${i}.amountKrw`),
                }}
                value={line.amount}
                onChange={(v) => setLines(lines.map((l, j) => (j === i ? { ...l, amount: v } : l)))}
                testId={`deduction-amount-${i}`}
                unit={t('deduction.won')}
              />
              {lines.length > 1 ? (
                <button
                  type="button"
                  className="button button--ghost button--small"
                  onClick={() => setLines(lines.filter((_, j) => j !== i))}
                >
                  {t('deduction.removeLine')}
                </button>
              ) : null}
              {fieldError(summary, `investments.${i}.amountKrw`) ? (
                <p className="field__error">{fieldError(summary, `investments.${i}.amountKrw`)}</p>
              ) : null}
            </div>
          ))}
          <button
            type="button"
            className="button button--ghost button--small"
            onClick={() => setLines([...lines, { channel: 'DIRECT', amount: '' }])}
          >
            {t('deduction.addLine')}
          </button>
        </fieldset>
        <FormAlert summary={summary} />
        <button type="submit" className="button" data-testid="deduction-calculate">
          {t('deduction.calculate')}
        </button>
      </form>
      {result ? (
        <section className="card deduction__result" data-testid="deduction-result" aria-live="polite">
          <h2>
            {t('deduction.result')}:{' '}
            <span data-testid="deduction-total" data-krw={result.deductionKrw}>
              {formatKrw(result.deductionKrw, locale)}
            </span>
          </h2>
          {result.directBrackets.some((b) => b.amountKrw > 0) ? (
            <table className="table">
              <thead>
                <tr>
                  <th>{t('deduction.bracket')}</th>
                  <th>{t('deduction.percent')}</th>
                  <th>{t('deduction.amount')}</th>
                  <th>{t('deduction.deduction')}</th>
                </tr>
              </thead>
              <tbody>
                {result.directBrackets.map((b, i) => (
                  <tr key={i}>
                    <td>
                      {formatKrw(b.fromKrw, locale)} – {b.toKrw === null ? '' : formatKrw(b.toKrw, locale)}
                    </td>
                    <td>{b.percent}%</td>
                    <td>{formatKrw(b.amountKrw, locale)}</td>
                    <td>{formatKrw(b.deductionKrw, locale)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          <ul>
            <li>{t('deduction.fund', { amount: formatKrw(result.fundDeductionKrw, locale) })}</li>
            <li>
              {t('deduction.trust', { amount: formatKrw(result.ventureTrustDeductionKrw, locale) })}
              {result.ventureTrustCapApplied ? ` · ${t('deduction.trustCap')}` : ''}
            </li>
            <li>{t('deduction.beforeCap', { amount: formatKrw(result.totalBeforeCapKrw, locale) })}</li>
            <li>
              {t('deduction.incomeCap', { amount: formatKrw(result.incomeCapKrw, locale) })}
              {result.incomeCapApplied ? ` · ${t('deduction.incomeCapApplied')}` : ''}
            </li>
            <li>{t('deduction.holding', { years: result.holdingYears })}</li>
          </ul>
          <p className="muted">{result.source}</p>
        </section>
      ) : null}
      <form
        className="card form deduction__clawback"
        onSubmit={(e) => {
          e.preventDefault();
          void check();
        }}
      >
        <h2>{t('deduction.clawback')}</h2>
        <div className="field">
          <label htmlFor="clawback-invested">{t('deduction.investedOn')}</label>
          <input id="clawback-invested" type="date" value={investedOn} onChange={(e) => setInvestedOn(e.target.value)} />
          {fieldError(clawSummary, 'investedOn') ? <p className="field__error">{fieldError(clawSummary, 'investedOn')}</p> : null}
        </div>
        <div className="field">
          <label htmlFor="clawback-occurred">{t('deduction.occurredOn')}</label>
          <input id="clawback-occurred" type="date" value={occurredOn} onChange={(e) => setOccurredOn(e.target.value)} />
          {fieldError(clawSummary, 'occurredOn') ? <p className="field__error">{fieldError(clawSummary, 'occurredOn')}</p> : null}
        </div>
        <div className="field">
          <label htmlFor="clawback-exception">{t('deduction.exception')}</label>
          <select id="clawback-exception" value={exceptionCode} onChange={(e) => setExceptionCode(e.target.value)}>
            <option value="">{t('deduction.noException')}</option>
            {(latest?.exceptions ?? []).map((x) => (
              <option key={x.code} value={x.code}>
                {x.label}
              </option>
            ))}
          </select>
        </div>
        <FormAlert summary={clawSummary} testId="clawback-alert" />
        <button type="submit" className="button button--ghost">
          {t('deduction.check')}
        </button>
        {clawback ? (
          <p className={clawback.clawedBack ? 'alert alert--error' : 'alert'} data-testid="clawback-result">
            {clawback.reason} ({t('deduction.holdingEnds', { day: clawback.holdingEndsOn })})
          </p>
        ) : null}
      </form>
    </div>
  );
}
