import { describe, expect, it } from '@jest/globals';
import { toCsv } from '../csv';

describe('CSV exports', () => {
  it('starts with a UTF-8 BOM, ends lines with CRLF and quotes what needs quoting', () => {
    const csv = toCsv(['기관명', '메모'], [['(주)한빛, 정밀', '줄\n바꿈 "따옴표"']]);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.slice(1)).toBe('기관명,메모\r\n"(주)한빛, 정밀","줄\n바꿈 ""따옴표"""\r\n');
  });

  it('neutralises text cells that a spreadsheet would run as a formula, and keeps numbers as numbers', () => {
    const csv = toCsv(
      ['cell'],
      [['=HYPERLINK("http://evil")'], ['+82-10'], ['-1+2'], ['@SUM(A1)'], ['\tTAB'], ['\rCR'], [-5], [1.5], [null], ['안전한 값']],
    );
    expect(csv.slice(1).split('\r\n').slice(1, -1)).toEqual([
      `"'=HYPERLINK(""http://evil"")"`,
      "'+82-10",
      "'-1+2",
      "'@SUM(A1)",
      "'\tTAB",
      `"'\rCR"`,
      '-5',
      '1.5',
      '',
      '안전한 값',
    ]);
  });
});
