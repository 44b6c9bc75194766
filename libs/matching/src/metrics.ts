/**
 * Ranking quality as the association's benchmark defines it (../shared/benchmarks/matching/README.md):
 * nDCG@10 with gain 2^g − 1, MRR of the first supplier with grade ≥ 2, Recall@10 over grade ≥ 2.
 */
export type Judgments = Readonly<Record<string, number>>;

const grade = (j: Judgments, id: string) => j[id] ?? 0;

export function ndcgAt(k: number, ranking: readonly string[], judgments: Judgments): number {
  const dcg = (grades: number[]) => grades.slice(0, k).reduce((sum, g, i) => sum + (2 ** g - 1) / Math.log2(i + 2), 0);
  const ideal = dcg(Object.values(judgments).sort((a, b) => b - a));
  return ideal > 0 ? dcg(ranking.map((id) => grade(judgments, id))) / ideal : 0;
}

export function reciprocalRank(ranking: readonly string[], judgments: Judgments, minGrade = 2): number {
  const i = ranking.findIndex((id) => grade(judgments, id) >= minGrade);
  return i < 0 ? 0 : 1 / (i + 1);
}

export function recallAt(k: number, ranking: readonly string[], judgments: Judgments, minGrade = 2): number {
  const relevant = Object.keys(judgments).filter((id) => grade(judgments, id) >= minGrade);
  if (relevant.length === 0) return 0;
  const top = new Set(ranking.slice(0, k));
  return relevant.filter((id) => top.has(id)).length / relevant.length;
}

export interface RankingMetrics {
  ndcg10: number;
  mrr: number;
  recall10: number;
  count: number;
}

/** Macro-averages over the queries (0 for none). */
export function evaluateRankings(runs: ReadonlyArray<{ ranking: readonly string[]; judgments: Judgments }>): RankingMetrics {
  const n = runs.length;
  const mean = (f: (r: (typeof runs)[number]) => number) => (n ? runs.reduce((s, r) => s + f(r), 0) / n : 0);
  return {
    ndcg10: mean((r) => ndcgAt(10, r.ranking, r.judgments)),
    mrr: mean((r) => reciprocalRank(r.ranking, r.judgments)),
    recall10: mean((r) => recallAt(10, r.ranking, r.judgments)),
    count: n,
  };
}
