// Turns an uploaded CSV (papaparse) or Excel .xlsx (read-excel-file) into rows
// of trimmed strings, so one validator serves both formats.
import Papa from 'papaparse';
import { readSheet, type SheetData } from 'read-excel-file/node';

export class UnreadableFileError extends Error {}

export async function readTable(format: 'csv' | 'xlsx', content: string): Promise<string[][]> {
  if (format === 'csv') {
    // A UTF-8 byte-order mark, as Excel writes it, would stick to the first header.
    const parsed = Papa.parse<string[]>(content.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' });
    if (parsed.errors.length > 0 && parsed.data.length === 0)
      throw new UnreadableFileError(parsed.errors[0]?.message ?? 'unreadable CSV');
    return parsed.data.map((r) => r.map((c) => String(c ?? '').trim()));
  }
  let data: SheetData;
  try {
    data = await readSheet(Buffer.from(content, 'base64'));
  } catch (error) {
    throw new UnreadableFileError(error instanceof Error ? error.message : 'unreadable spreadsheet');
  }
  return data.map((r) =>
    r.map((c) =>
      (c === null || c === undefined ? '' : c instanceof Date ? c.toISOString().slice(0, 10) : String(c)).trim(),
    ),
  );
}
