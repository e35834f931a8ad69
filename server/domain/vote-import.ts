// Validates an import of willingness registrations (意愿登记) and votes, row by
// row, against the community's units and households. Pure: it decides what
// would be written and reports every bad row; the router writes only when no
// row is bad.
import type { Vote } from '~/db/vocab';

export type ImportTarget = {
  caseId: number;
  unitId: number;
  buildingNumber: string;
  unitOrdinal: number;
  unitName: string;
  /** Votes are open only before signing (and while stalled). */
  open: boolean;
  households: ReadonlyMap<string, { householdId: number; areaM2: number }>;
};

export type ImportRow = { row: number; caseId: number; householdId: number; vote: Vote | null; intent: boolean };
/** A refused row: a code with its parameters, worded from the messages (errors.voteImport.<code>). */
export type ImportErrorCode =
  | 'missingColumns'
  | 'noRows'
  | 'unitUnreadable'
  | 'noCase'
  | 'roomFormat'
  | 'noRoom'
  | 'voteWord'
  | 'areaNumber'
  | 'areaMismatch'
  | 'signed'
  | 'repeated';
export type ImportError = { row: number; code: ImportErrorCode; params: Record<string, string | number> };

const HEADERS: Record<'room' | 'unit' | 'vote' | 'area', string[]> = {
  room: ['房号', '房间号', '室', 'room'],
  unit: ['单元', '楼栋单元', 'unit'],
  vote: ['表决', '意见', '投票', '意愿', 'vote'],
  area: ['面积', '建筑面积', 'area', 'area_m2', 'area (m2)', 'area (m²)'],
};

const VOTE_WORDS: Record<string, Vote | 'intent'> = {
  同意: 'agree',
  agree: 'agree',
  反对: 'oppose',
  oppose: 'oppose',
  弃权: 'abstain',
  abstain: 'abstain',
  未投票: 'not_voted',
  not_voted: 'not_voted',
  'not voted': 'not_voted',
  意愿登记: 'intent',
  登记: 'intent',
  intent: 'intent',
  register: 'intent',
};

/** Area on file and in the import may differ by rounding only. */
const AREA_TOLERANCE_M2 = 0.5;

/** "5-1", "5号楼1单元", "5栋1单元", "5幢西单元" → building number and unit (ordinal or name). */
export function parseUnit(text: string): { building: string; unit: string } | null {
  const t = text.replace(/\s+/g, '');
  const dash = /^(\d+)[-－—](\d+)$/.exec(t);
  if (dash) return { building: dash[1]!, unit: dash[2]! };
  const named = /^(\d+)(?:号楼|栋|幢|号)(.+?)(?:单元)?$/.exec(t);
  if (named) return { building: named[1]!, unit: named[2]! };
  return null;
}

export function validateImport(
  table: readonly (readonly string[])[],
  targets: readonly ImportTarget[],
): { rows: ImportRow[]; errors: ImportError[] } {
  const errors: ImportError[] = [];
  const rows: ImportRow[] = [];
  const header = (table[0] ?? []).map((h) => h.trim().toLowerCase());
  const col = Object.fromEntries(
    (Object.keys(HEADERS) as (keyof typeof HEADERS)[]).map((k) => [
      k,
      header.findIndex((h) => HEADERS[k].some((name) => name.toLowerCase() === h)),
    ]),
  ) as Record<keyof typeof HEADERS, number>;
  const absent = (Object.keys(col) as (keyof typeof HEADERS)[]).filter((k) => col[k] < 0);
  if (absent.length > 0) {
    errors.push({
      row: 1,
      code: 'missingColumns',
      params: { columnsZh: absent.map((k) => HEADERS[k][0]).join('、'), columns: absent.join(', ') },
    });
    return { rows, errors };
  }
  if (table.length < 2) errors.push({ row: 1, code: 'noRows', params: {} });
  const seen = new Map<string, number>();
  table.slice(1).forEach((cells, i) => {
    const row = i + 2;
    const cell = (k: keyof typeof HEADERS) => (cells[col[k]] ?? '').trim();
    if (cells.every((c) => c.trim() === '')) return; // blank lines at the end of a sheet
    const bad = (code: ImportErrorCode, params: ImportError['params'] = {}) => errors.push({ row, code, params });
    const u = parseUnit(cell('unit'));
    if (!u) return bad('unitUnreadable', { unit: cell('unit') });
    const target = targets.find(
      (t) =>
        t.buildingNumber === u.building &&
        (String(t.unitOrdinal) === u.unit || t.unitName === u.unit || t.unitName === `${u.unit}单元`),
    );
    if (!target) return bad('noCase', { building: u.building, unit: u.unit });
    const room = cell('room');
    if (!/^\d{3,4}$/.test(room)) return bad('roomFormat', { room });
    const home = target.households.get(room);
    if (!home) return bad('noRoom', { building: u.building, unit: u.unit, room });
    const word = VOTE_WORDS[cell('vote').toLowerCase()];
    if (!word) return bad('voteWord', { vote: cell('vote') });
    const area = Number(cell('area').replace(/m²|m2|㎡/gi, ''));
    if (!Number.isFinite(area) || area <= 0) return bad('areaNumber', { area: cell('area') });
    if (Math.abs(area - home.areaM2) > AREA_TOLERANCE_M2) {
      return bad('areaMismatch', { room, area, recorded: home.areaM2 });
    }
    if (word !== 'intent' && !target.open) {
      return bad('signed', { building: u.building, unit: u.unit });
    }
    const key = `${target.caseId}:${room}`;
    const first = seen.get(key);
    if (first !== undefined) return bad('repeated', { room, first });
    seen.set(key, row);
    rows.push({
      row,
      caseId: target.caseId,
      householdId: home.householdId,
      vote: word === 'intent' ? null : word,
      intent: word === 'intent' || word === 'agree',
    });
  });
  return { rows, errors };
}
