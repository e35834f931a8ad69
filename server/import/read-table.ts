// Turns an uploaded CSV (papaparse) or Excel .xlsx (read-excel-file) into rows
// of trimmed strings, so one validator serves both formats.
import Papa from 'papaparse';
import { readSheet, type SheetData } from 'read-excel-file/node';
import { checkZipLimits, ZipLimitError } from './zip-limits';

export class UnreadableFileError extends Error {}

/** An upload's own size: thousands of rows fit in a fraction of it. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;
/** What an .xlsx's parts may inflate to together; a real register of a few thousand rows is a few MB. */
export const MAX_INFLATED_BYTES = 50 * 1024 * 1024;

export async function readTable(format: 'csv' | 'xlsx', content: string): Promise<string[][]> {
  if (format === 'csv') {
    if (Buffer.byteLength(content, 'utf8') > MAX_FILE_BYTES) throw tooBig();
    // A UTF-8 byte-order mark, as Excel writes it, would stick to the first header.
    const parsed = Papa.parse<string[]>(content.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' });
    if (parsed.errors.length > 0 && parsed.data.length === 0)
      throw new UnreadableFileError(parsed.errors[0]?.message ?? 'unreadable CSV');
    return parsed.data.map((r) => r.map((c) => String(c ?? '').trim()));
  }
  const file = Buffer.from(content, 'base64');
  if (file.length > MAX_FILE_BYTES) throw tooBig();
  let data: SheetData;
  try {
    checkZipLimits(file, { maxEntries: 1000, maxInflatedBytes: MAX_INFLATED_BYTES });
    data = await readSheet(file);
  } catch (error) {
    if (error instanceof ZipLimitError) throw new UnreadableFileError(`.xlsx ${error.message}`);
    throw new UnreadableFileError(error instanceof Error ? error.message : 'unreadable spreadsheet');
  }
  return data.map((r) =>
    r.map((c) =>
      (c === null || c === undefined ? '' : c instanceof Date ? c.toISOString().slice(0, 10) : String(c)).trim(),
    ),
  );
}

function tooBig(): UnreadableFileError {
  return new UnreadableFileError(`larger than ${MAX_FILE_BYTES / 1024 / 1024} MB`);
}
