export interface TextRange {
  start: number;
  length: number;
}

/**
 * Splits `text` at the given ranges: `marked` parts are what the query matched. Ranges are
 * clamped to the text, sorted and merged; whatever the server sends, every character of the
 * text appears exactly once.
 */
export function splitHighlights(text: string, ranges: readonly TextRange[]): Array<{ text: string; marked: boolean }> {
  const spans = ranges
    .map(({ start, length }) => [Math.max(0, Math.min(start, text.length)), Math.max(0, Math.min(start + length, text.length))] as const)
    .filter(([from, to]) => to > from)
    .sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const [from, to] of spans) {
    const last = merged.at(-1);
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else merged.push([from, to]);
  }
  const parts: Array<{ text: string; marked: boolean }> = [];
  let at = 0;
  for (const [from, to] of merged) {
    if (from > at) parts.push({ text: text.slice(at, from), marked: false });
    parts.push({ text: text.slice(from, to), marked: true });
    at = to;
  }
  if (at < text.length) parts.push({ text: text.slice(at), marked: false });
  return parts;
}

/** Text with the matched ranges in `<mark>`; everything is rendered as text, never as HTML. */
export function Highlighted({ text, matches }: { text: string; matches: readonly TextRange[] }) {
  return (
    <>
      {splitHighlights(text, matches).map((part, index) =>
        part.marked ? (
          <mark key={index} className="search-mark" data-testid="search-highlight">
            {part.text}
          </mark>
        ) : (
          part.text
        ),
      )}
    </>
  );
}
