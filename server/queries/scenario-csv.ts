// A saved scenario as a CSV file for Excel: one line per unit, money in yuan.
import Papa from 'papaparse';
import type { Db } from '~/db/client';
import { scenarioUnits } from './planner';

const HEADER = [
  '楼栋 building',
  '单元 unit',
  '阶段 stage',
  '表决 consent',
  '悬空老人 stranded',
  '户数 households',
  '总造价(元) cost_yuan',
  '补贴(元) subsidy_yuan',
  '业主分摊(元) owners_yuan',
  '造价为估算 estimated',
];

/**
 * CSV text with CRLF line ends and a byte-order mark, so Excel opens the
 * UTF-8 Chinese headers correctly. A text cell that starts with = + - @ (or
 * a tab or carriage return) is prefixed with ' so a spreadsheet shows it as
 * text instead of running it as a formula (CSV injection: a unit or building
 * name is typed by staff).
 */
export function csvText(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number>>): string {
  const body = Papa.unparse(
    { fields: [...header], data: rows.map((r) => [...r]) },
    { newline: '\r\n', escapeFormulae: true },
  );
  return `\uFEFF${body}\r\n`;
}

export async function scenarioCsv(db: Db, id: number): Promise<{ fileName: string; csv: string }> {
  const { scenario, units } = await scenarioUnits(db, id);
  const yuan = (fen: number) => (fen / 100).toFixed(2);
  const rows = units.map((u) => [
    u.buildingName,
    u.unitName,
    u.stage ?? '',
    u.standing,
    u.stranded,
    u.households,
    yuan(u.totalCostFen),
    yuan(u.subsidyFen),
    yuan(u.totalCostFen - u.subsidyFen),
    u.costEstimated ? 'yes' : 'no',
  ]);
  return { fileName: `scenario-${scenario.id}.csv`, csv: csvText(HEADER, rows) };
}
