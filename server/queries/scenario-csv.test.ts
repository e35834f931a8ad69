import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { csvText } from './scenario-csv';

describe('csvText', () => {
  it('writes a BOM, CRLF lines and quotes cells holding commas, quotes or line breaks', () => {
    const csv = csvText(
      ['楼栋 building', 'n'],
      [
        ['5号楼, 东', 3],
        ['say "hi"', 0],
        ['a\nb', 1],
      ],
    );
    expect(csv.startsWith('\uFEFF楼栋 building,n\r\n')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(Papa.parse<string[]>(csv.slice(1).trimEnd(), { newline: '\r\n' }).data).toEqual([
      ['楼栋 building', 'n'],
      ['5号楼, 东', '3'],
      ['say "hi"', '0'],
      ['a\nb', '1'],
    ]);
  });

  it('neutralises text cells a spreadsheet would run as formulas', () => {
    const csv = csvText(['name'], [['=HYPERLINK("http://x")'], ['+1'], ['-2+3'], ['@SUM(A1)'], ['楼-1']]);
    const cells = Papa.parse<string[]>(csv.slice(1).trimEnd(), { newline: '\r\n' })
      .data.slice(1)
      .map((r) => r[0]);
    expect(cells).toEqual(['\'=HYPERLINK("http://x")', "'+1", "'-2+3", "'@SUM(A1)", '楼-1']);
  });

  it('leaves numbers as they are', () => {
    expect(csvText(['n'], [[-5]])).toBe('\uFEFFn\r\n-5\r\n');
  });
});
