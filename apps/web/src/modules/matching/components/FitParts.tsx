import type { FitTier, MatchFeature, ReasonTone } from '@/generated/graphql';
import { useT, useLocale } from '@/i18n';
import { featureKey, reasonText, reasonWeight, tierKey, toneKey } from '../model/labels';

/** 적합 / 검토 / 낮음, the tier a non-expert reads first (#14 item 8). */
export function FitTierBadge({ tier, testId }: { tier: FitTier; testId?: string }) {
  const t = useT();
  return (
    <span className={`fit-tier fit-tier--${tier.toLowerCase()}`} title={t('matching.tierHelp')} data-tier={tier} data-testid={testId}>
      {t(tierKey(tier))}
    </span>
  );
}

interface ReasonLike {
  code: string;
  tone: ReasonTone;
  feature: MatchFeature;
  text: string;
  ko: string;
  en: string;
}

/** The reasons, each with its criterion's weight visible ("AI 과제 30%"), not only on hover. */
export function ReasonList({
  reasons,
  features,
  testId,
}: {
  reasons: readonly ReasonLike[];
  features: ReadonlyArray<{ feature: MatchFeature; applicable: boolean; weight: number }>;
  testId?: string;
}) {
  const t = useT();
  const locale = useLocale();
  return (
    <ul className="match-reasons" data-testid={testId}>
      {reasons.map((reason, index) => {
        const weight = reasonWeight(reason, features);
        return (
          <li
            key={`${reason.code}-${index}`}
            className={`match-reason match-reason--${reason.tone.toLowerCase()}`}
            data-code={reason.code}
            data-tone={reason.tone}
          >
            <span className="visually-hidden">{t(toneKey(reason.tone))}: </span>
            {reasonText(reason, locale)}
            {weight !== null ? (
              <span className="match-reason__weight" data-testid="reason-weight">
                {t('matching.reasonWeight', { feature: t(featureKey(reason.feature)), weight })}
              </span>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
