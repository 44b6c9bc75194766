import { analyzeQuery } from '@aimatch/korean-text';
import type { PlannedQuery } from './port';

export interface Highlight {
  field: string;
  text: string;
  /** Matched ranges in `text` (UTF-16 offsets); render them marked, the rest as plain text. */
  matches: Array<{ start: number; length: number }>;
}

/**
 * Where the query's words occur in a field, case-insensitive, overlapping ranges merged. Returns ranges, never markup, so that a
 * listing's text is always rendered escaped.
 */
export function highlight(field: string, text: string, query: PlannedQuery | null): Highlight {
  if (!query || query.choseong) return { field, text, matches: [] };
  // Korean words are matched by their bigrams (스마트공장의 marks 스마트 and 공장 in "스마트 공장"),
  // Latin words whole; adjacent matches merge into one range.
  const { stems, latin, terms } = analyzeQuery(query.text);
  const needles = [...new Set([...stems, ...terms, ...latin])].filter((w) => w.length >= (/[a-z0-9]/.test(w) ? 2 : 1));
  const lower = text.toLowerCase();
  const ranges: Array<[number, number]> = [];
  for (const needle of needles) {
    for (let at = lower.indexOf(needle); at !== -1; at = lower.indexOf(needle, at + needle.length)) ranges.push([at, at + needle.length]);
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const r of ranges) {
    const last = merged.at(-1);
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([...r]);
  }
  return { field, text, matches: merged.map(([s, e]) => ({ start: s, length: e - s })) };
}
