// Shared by the register and device-list validators: finds columns by their header
// whatever the clerk's spreadsheet calls them, and reads the cells spreadsheets mangle.
// Pure: no database.

/** Header as compared: no spaces, one kind of dash and bracket, lower case. */
export function normalizeHeader(text: string): string {
  return text
    .replace(/^\uFEFF/, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .replace(/[\s_]+/g, '')
    .replace(/[–—－~～至到]/g, '-')
    .toLowerCase();
}

export type ColumnSpec<K extends string> = Record<K, readonly string[]>;

/** Each column's index in `header` (-1 when absent); the first synonym of each is the name shown to people. */
export function findColumns<K extends string>(header: readonly string[], spec: ColumnSpec<K>): Record<K, number> {
  // A header matches as written, or without a bracketed note such as "(m²)" or "（人）".
  const names = header.map((h) => {
    const n = normalizeHeader(h);
    return [n, n.replace(/\([^)]*\)/g, '')];
  });
  const out = {} as Record<K, number>;
  for (const key of Object.keys(spec) as K[]) {
    const wanted = new Set(spec[key].map(normalizeHeader));
    out[key] = names.findIndex((variants) => variants.some((n) => wanted.has(n)));
  }
  return out;
}

/** "5", "5栋", "5号楼", "5幢", "5#", "5号" → "5"; other names as written. */
export function buildingNumberOf(text: string): string {
  const t = text.replace(/\s+/g, '');
  return /^(.+?)(?:号楼|栋|幢|号|#|楼)$/.exec(t)?.[1] ?? t;
}

/** A cell as a number: "89.5", "89.5m²", "89.5 平方米"; NaN when not one. */
export function numberCell(text: string, units: RegExp = /m²|m2|㎡|平方米|平米|米|m|秒|s/gi): number {
  const t = text.replace(units, '').replace(/,/g, '').trim();
  return t === '' ? Number.NaN : Number(t);
}

/** An integer cell in [min, max]; empty reads as `empty`; null when not such a number. */
export function intCell(text: string, min: number, max: number, empty: number | null = 0): number | null {
  if (text.trim() === '') return empty;
  const n = numberCell(text, /人|个|户/g);
  return Number.isInteger(n) && n >= min && n <= max ? n : null;
}
