/** The dashboard's tables as CSV rows with ko/en headers (written by the one writer, common/csv `toCsv`). */
import { type CsvCell } from '../../common/csv/csv';
import type { MarketStatsTable } from './dto/market-stats.models';
import type { StatsService, StatsWindow } from './stats.service';

type Locale = 'ko' | 'en';
interface Table {
  header: { ko: string[]; en: string[] };
  rows: (stats: StatsService, w: StatsWindow, locale: Locale) => Promise<CsvCell[][]>;
}

const breakdown = (dimension: 'status' | 'industry' | 'region' | 'task', ko: string, en: string): Table => ({
  header: { ko: ['공고 종류', ko, '코드', '건수'], en: ['Listing kind', en, 'Key', 'Count'] },
  rows: async (s, w, locale) => (await s.listingBreakdown(w, dimension, locale)).map((r) => [r.listingKind, r.label, r.key, r.count]),
});
const series = (
  ko: string,
  en: string,
  load: (s: StatsService, w: StatsWindow) => Promise<Array<{ period: string; series: string; count: number }>>,
): Table => ({
  header: { ko: ['기간 시작일', ko, '건수'], en: ['Period start', en, 'Count'] },
  rows: async (s, w) => (await load(s, w)).map((r) => [r.period, r.series, r.count]),
});

export const STATS_TABLES: Record<MarketStatsTable, Table> = {
  LISTINGS_BY_STATUS: breakdown('status', '상태', 'Status'),
  LISTINGS_BY_INDUSTRY: breakdown('industry', '산업', 'Industry'),
  LISTINGS_BY_REGION: breakdown('region', '지역', 'Region'),
  LISTINGS_BY_TASK: breakdown('task', 'AI 과업', 'AI task'),
  NEW_LISTINGS: series('공고 종류', 'Listing kind', (s, w) => s.newListings(w)),
  NEW_ORGANIZATIONS: series('기관 유형', 'Organization kind', (s, w) => s.newOrganizations(w)),
  VERIFICATION: {
    header: {
      ko: ['대기 중', '결정', '인증', '반려', '보완 요청', '결정까지 중앙값(시간)'],
      en: ['Open', 'Decided', 'Verified', 'Rejected', 'Needs info', 'Median hours to decision'],
    },
    rows: async (s, w) => {
      const v = await s.verificationStats(w);
      return [[v.backlog, v.decided, v.verified, v.rejected, v.needsInfo, v.medianHoursToDecision]];
    },
  },
  BIDS: {
    header: {
      ko: ['입찰', '입찰받은 수요', '수요당 입찰', '첫 입찰까지 중앙값(시간)', '후보 선정률', '낙찰률'],
      en: ['Bids', 'Demands with bids', 'Bids per demand', 'Median hours to first bid', 'Shortlist rate', 'Award rate'],
    },
    rows: async (s, w) => {
      const b = await s.bidStats(w);
      return [[b.bids, b.demandsWithBids, b.bidsPerDemand, b.medianHoursToFirstBid, b.shortlistRate, b.awardRate]];
    },
  },
  CHAT: {
    header: {
      ko: ['대화', '응답받은 대화', '첫 응답까지 중앙값(분)'],
      en: ['Conversations', 'Answered', 'Median minutes to first response'],
    },
    rows: async (s, w) => {
      const c = await s.chatStats(w);
      return [[c.conversations, c.answered, c.medianMinutesToFirstResponse]];
    },
  },
  AWARDED_MATCH_SCORES: {
    header: { ko: ['점수 하한', '점수 상한(미만)', '낙찰 건수'], en: ['Score from', 'Score below', 'Awarded bids'] },
    rows: async (s, w) => (await s.awardedMatchScores(w)).map((b) => [b.lower, b.upper, b.count]),
  },
  PROGRAM_ELIGIBILITY: {
    header: {
      ko: ['지원사업', '해당 기관', '해당 가능 기관', '확인한 기관'],
      en: ['Program', 'Eligible', 'Possibly eligible', 'Organizations checked'],
    },
    rows: async (s, _w, locale) => (await s.programEligibility(locale)).map((p) => [p.name, p.eligible, p.possible, p.organizations]),
  },
};
