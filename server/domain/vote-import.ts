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
export type ImportError = { row: number; zh: string; en: string };

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
      zh: `缺少列：${absent.map((k) => HEADERS[k][0]).join('、')}（需要 房号、单元、表决、面积）`,
      en: `Missing column(s): ${absent.join(', ')} (need room, unit, vote, area)`,
    });
    return { rows, errors };
  }
  if (table.length < 2) errors.push({ row: 1, zh: '文件中没有数据行', en: 'The file has no data rows' });
  const seen = new Map<string, number>();
  table.slice(1).forEach((cells, i) => {
    const row = i + 2;
    const cell = (k: keyof typeof HEADERS) => (cells[col[k]] ?? '').trim();
    if (cells.every((c) => c.trim() === '')) return; // blank lines at the end of a sheet
    const bad = (zh: string, en: string) => errors.push({ row, zh, en });
    const u = parseUnit(cell('unit'));
    if (!u)
      return bad(
        `单元“${cell('unit')}”无法识别，请写成 5-1 或 5号楼1单元`,
        `Unit "${cell('unit')}" not understood; write 5-1 or 5号楼1单元`,
      );
    const target = targets.find(
      (t) =>
        t.buildingNumber === u.building &&
        (String(t.unitOrdinal) === u.unit || t.unitName === u.unit || t.unitName === `${u.unit}单元`),
    );
    if (!target)
      return bad(
        `没有 ${u.building} 号楼 ${u.unit} 单元的加梯案件`,
        `No retrofit case for building ${u.building}, unit ${u.unit}`,
      );
    const room = cell('room');
    if (!/^\d{3,4}$/.test(room))
      return bad(`房号“${room}”应为 3–4 位数字，如 1301`, `Room "${room}" should be 3–4 digits, like 1301`);
    const home = target.households.get(room);
    if (!home)
      return bad(`${u.building}-${u.unit} 没有 ${room} 室`, `Unit ${u.building}-${u.unit} has no room ${room}`);
    const word = VOTE_WORDS[cell('vote').toLowerCase()];
    if (!word)
      return bad(
        `表决“${cell('vote')}”应为 同意、反对、弃权、未投票 或 意愿登记`,
        `Vote "${cell('vote')}" should be agree, oppose, abstain, not_voted or intent`,
      );
    const area = Number(cell('area').replace(/m²|m2|㎡/gi, ''));
    if (!Number.isFinite(area) || area <= 0)
      return bad(`面积“${cell('area')}”不是有效数字`, `Area "${cell('area')}" is not a number`);
    if (Math.abs(area - home.areaM2) > AREA_TOLERANCE_M2) {
      return bad(
        `${room} 室面积 ${area} m² 与登记的 ${home.areaM2} m² 不符，请核对房号`,
        `Room ${room} is recorded as ${home.areaM2} m², not ${area} m²; check the room`,
      );
    }
    if (word !== 'intent' && !target.open) {
      return bad(
        `${u.building}-${u.unit} 已签约，表决结果不能再改`,
        `Unit ${u.building}-${u.unit} is signed; its votes are closed`,
      );
    }
    const key = `${target.caseId}:${room}`;
    const first = seen.get(key);
    if (first !== undefined) return bad(`${room} 室与第 ${first} 行重复`, `Room ${room} repeats row ${first}`);
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
