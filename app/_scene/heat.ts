// Throwing incidents binned by building, façade, floor and window column —
// the cells of the façade heat strip. Incidents known only by floor band
// (seen mid-fall) have no cell; they are counted apart.
import type { Facade } from '~/db/vocab';

export type HeatIncident = {
  id: number;
  buildingId: number | null;
  facade: Facade | null;
  floor: number | null;
  windowColumn: number | null;
};

export type HeatCell = {
  buildingId: number;
  facade: Facade;
  floor: number;
  column: number;
  count: number;
  incidentIds: number[];
};

export function heatCells(incidents: readonly HeatIncident[]): { cells: HeatCell[]; bandOnly: number } {
  const cells = new Map<string, HeatCell>();
  let bandOnly = 0;
  for (const i of incidents) {
    if (i.buildingId == null || i.facade == null || i.floor == null || i.windowColumn == null) {
      bandOnly++;
      continue;
    }
    const key = `${i.buildingId}|${i.facade}|${i.floor}|${i.windowColumn}`;
    const cell = cells.get(key) ?? {
      buildingId: i.buildingId,
      facade: i.facade,
      floor: i.floor,
      column: i.windowColumn,
      count: 0,
      incidentIds: [],
    };
    cell.count++;
    cell.incidentIds.push(i.id);
    cells.set(key, cell);
  }
  return { cells: [...cells.values()], bandOnly };
}
