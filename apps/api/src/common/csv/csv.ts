import { stringify } from 'csv-stringify/sync';

export type CsvCell = string | number | boolean | null | undefined;

/** Characters that make a spreadsheet read a text cell as a formula (CSV / formula injection, OWASP). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A text cell a spreadsheet will show as text: a leading `'` when it would start a formula. Numbers stay numbers. */
export function neutralizeCell(cell: CsvCell): string | number {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : '';
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/**
 * The one CSV writer of the exports (csv-stringify does the quoting): UTF-8 with a BOM so that Excel
 * opens Korean text correctly, CRLF line ends, a header row, and every text cell neutralised.
 */
export function toCsv(header: string[], rows: CsvCell[][]): string {
  return stringify([header.map(neutralizeCell), ...rows.map((r) => r.map(neutralizeCell))], {
    bom: true,
    record_delimiter: 'windows',
    // csv-stringify quotes a lone CR only when told: a bare CR would end the row in Excel.
    quoted_match: /\r/,
  });
}
