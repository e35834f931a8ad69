// Size checks on an uploaded .xlsx before any spreadsheet code opens it. An
// .xlsx is a zip, and a zip of a few hundred kilobytes can inflate to
// gigabytes; the spreadsheet reader would inflate every part in memory. The
// zip's central directory lists each part's inflated size, so it is read here
// first and the file refused when the parts together would pass the limit.
// A zip that declares small sizes and then inflates to more is broken, and the
// reader refuses it on the size or checksum mismatch.

export class ZipLimitError extends Error {}

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
/** 0xFFFFFFFF: the real size is in a ZIP64 record, i.e. at least 4 GiB. */
const ZIP64_MARK = 0xffffffff;

export type ZipLimits = { maxEntries: number; maxInflatedBytes: number };

/** Throws ZipLimitError when `zip` is not a zip or its parts would inflate past the limits. */
export function checkZipLimits(zip: Buffer, limits: ZipLimits): void {
  // The end record is the last 22 bytes, followed by a comment of at most 65535.
  const floor = Math.max(0, zip.length - 22 - 0xffff);
  let end = -1;
  for (let i = zip.length - 22; i >= floor; i--) {
    if (zip.readUInt32LE(i) === END_OF_DIRECTORY) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new ZipLimitError('not a zip archive');
  const entries = zip.readUInt16LE(end + 10);
  const directoryOffset = zip.readUInt32LE(end + 16);
  if (entries > limits.maxEntries) throw new ZipLimitError(`more than ${limits.maxEntries} parts`);

  let at = directoryOffset;
  let inflated = 0;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== DIRECTORY_ENTRY)
      throw new ZipLimitError('damaged zip directory');
    const size = zip.readUInt32LE(at + 24);
    inflated += size;
    if (size === ZIP64_MARK || inflated > limits.maxInflatedBytes)
      throw new ZipLimitError(`inflates to more than ${Math.round(limits.maxInflatedBytes / 1024 / 1024)} MB`);
    at += 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
}
