import type { RequestContext } from '../../../graphql/request-context';
import type { Ranked } from '../matching.service';

/** An engine explanation as GraphQL's MatchExplanation shows it (reasons in the request's language). */
export function explanationView(e: Ranked['explanation'], rc: RequestContext) {
  return {
    ...e,
    constraints: e.constraints.map((c) => ({ code: c.code, satisfied: c.satisfied })),
    reasons: e.reasons.map((r) => ({ ...r, text: rc.locale === 'en' ? r.en : r.ko })),
    summary: rc.locale === 'en' ? e.summary.en : e.summary.ko,
    summaryKo: e.summary.ko,
    summaryEn: e.summary.en,
  };
}
