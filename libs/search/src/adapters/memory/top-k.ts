/**
 * The best `k` of a stream of candidates in O(n log k) time and O(k) memory: a page of hits is
 * picked from tens of thousands of matches without sorting them. A candidate ranks by a numeric
 * key (smaller first) and, on equal keys, by a tie-break on ordinals; most candidates are
 * rejected by one comparison with the worst kept key.
 */

/** Negative when ordinal a ranks before ordinal b (equal keys). Must be a total order. */
export type TieBreak = (a: number, b: number) => number;

export class TopK {
  private readonly ords: Int32Array;
  private readonly keys: Float64Array;
  private readonly scores: Float64Array;
  private size = 0;

  constructor(
    readonly k: number,
    private readonly tie: TieBreak,
  ) {
    this.ords = new Int32Array(k);
    this.keys = new Float64Array(k);
    this.scores = new Float64Array(k);
  }

  /** Offers one candidate; the heap's root is the worst of those kept. */
  push(ord: number, key: number, score: number): void {
    if (this.size < this.k) {
      let i = this.size++;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (this.before(this.keys[parent], this.ords[parent], key, ord) >= 0) break;
        this.set(i, parent);
        i = parent;
      }
      this.place(i, ord, key, score);
      return;
    }
    if (this.k === 0 || key > this.keys[0] || this.before(key, ord, this.keys[0], this.ords[0]) >= 0) return;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= this.size) break;
      const r = l + 1;
      const worse = r < this.size && this.before(this.keys[r], this.ords[r], this.keys[l], this.ords[l]) > 0 ? r : l;
      if (this.before(this.keys[worse], this.ords[worse], key, ord) <= 0) break;
      this.set(i, worse);
      i = worse;
    }
    this.place(i, ord, key, score);
  }

  /** The kept candidates, best first. */
  sorted(): Array<{ ord: number; score: number }> {
    const idx = Array.from({ length: this.size }, (_, i) => i);
    idx.sort((a, b) => this.before(this.keys[a], this.ords[a], this.keys[b], this.ords[b]));
    return idx.map((i) => ({ ord: this.ords[i], score: this.scores[i] }));
  }

  /** Negative when (key ka, ordinal a) ranks before (kb, b). The heap keeps the worst on top. */
  private before(ka: number, a: number, kb: number, b: number): number {
    return ka < kb ? -1 : ka > kb ? 1 : this.tie(a, b);
  }

  private set(to: number, from: number): void {
    this.ords[to] = this.ords[from];
    this.keys[to] = this.keys[from];
    this.scores[to] = this.scores[from];
  }

  private place(i: number, ord: number, key: number, score: number): void {
    this.ords[i] = ord;
    this.keys[i] = key;
    this.scores[i] = score;
  }
}
