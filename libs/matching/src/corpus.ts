/**
 * The population supplier listings are ranked from: every published supply listing the process
 * has analysed. Text relevance takes its document frequencies from here, and a need read from one
 * word is confirmed against it (see `Matcher`), so that a pair's score does not depend on which
 * other listings happen to be ranked beside it — the SME's view and the supplier's view of one
 * pair give one score.
 */
import type { AnalysedSupply } from './analysis';
import type { TextCorpusStats } from './text-relevance';

export class SupplyCorpus implements TextCorpusStats {
  private readonly docs = new Map<string, AnalysedSupply>();
  private readonly df = new Map<number, number>();
  private totalLength = 0;
  /** Changes whenever a listing is added, replaced or removed. */
  generation = 0;

  /** A corpus of exactly these listings (a ranking without a wider population: tests, tools). */
  static of(supplies: Iterable<AnalysedSupply>): SupplyCorpus {
    const corpus = new SupplyCorpus();
    for (const s of supplies) corpus.add(s);
    return corpus;
  }

  get size(): number {
    return this.docs.size;
  }

  get averageLength(): number {
    return this.docs.size ? this.totalLength / this.docs.size : 0;
  }

  documentFrequency(termId: number): number {
    return this.df.get(termId) ?? 0;
  }

  has(id: string): boolean {
    return this.docs.has(id);
  }

  supplies(): IterableIterator<AnalysedSupply> {
    return this.docs.values();
  }

  /** Adds a listing's analysis or replaces the one it had (a new version). */
  add(supply: AnalysedSupply): void {
    const prev = this.docs.get(supply.profile.id);
    if (prev && prev.text === supply.text && prev.offers === supply.offers) return;
    if (prev) this.forget(prev);
    this.docs.set(supply.profile.id, supply);
    for (const t of supply.text.terms) this.df.set(t, (this.df.get(t) ?? 0) + 1);
    this.totalLength += supply.text.terms.length;
    this.generation++;
  }

  remove(id: string): void {
    const prev = this.docs.get(id);
    if (!prev) return;
    this.forget(prev);
    this.docs.delete(id);
    this.generation++;
  }

  private forget(prev: AnalysedSupply): void {
    for (const t of prev.text.terms) {
      const n = (this.df.get(t) ?? 0) - 1;
      if (n > 0) this.df.set(t, n);
      else this.df.delete(t);
    }
    this.totalLength -= prev.text.terms.length;
  }
}
