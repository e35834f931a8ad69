import { describe, expect, it } from 'vitest';
import { buildXlsx } from '~/test/xlsx';
import { MAX_FILE_BYTES, MAX_INFLATED_BYTES, readTable, UnreadableFileError } from './read-table';

const ROWS = [
  ['room', 'vote'],
  ['101', 'agree'],
];

describe('reading an uploaded table within limits', () => {
  it('reads an ordinary .xlsx', async () => {
    expect(await readTable('xlsx', buildXlsx(ROWS).toString('base64'))).toEqual(ROWS);
  });

  it('refuses a zip bomb before inflating it', async () => {
    // The sheet itself padded with blanks: deflate shrinks them a thousandfold, to a few hundred KB on the wire.
    const sheet = `<?xml version="1.0" encoding="UTF-8"?><worksheet>${' '.repeat(MAX_INFLATED_BYTES)}</worksheet>`;
    const bomb = buildXlsx(ROWS, { 'xl/worksheets/sheet1.xml': sheet });
    expect(bomb.length).toBeLessThan(MAX_FILE_BYTES);
    const read = readTable('xlsx', bomb.toString('base64'));
    await expect(read).rejects.toBeInstanceOf(UnreadableFileError);
    await expect(read).rejects.toThrow(/inflates to more than 50 MB/);
  });

  it('refuses a file over the size limit, CSV or .xlsx', async () => {
    await expect(readTable('csv', `room,vote\n${'101,agree\n'.repeat(MAX_FILE_BYTES / 10 + 1)}`)).rejects.toThrow(
      /larger than 5 MB/,
    );
    const big = Buffer.alloc(MAX_FILE_BYTES + 1).toString('base64');
    await expect(readTable('xlsx', big)).rejects.toThrow(/larger than 5 MB/);
  });

  it('refuses something that is not a zip at all', async () => {
    await expect(readTable('xlsx', Buffer.from('not a spreadsheet').toString('base64'))).rejects.toBeInstanceOf(
      UnreadableFileError,
    );
  });
});
