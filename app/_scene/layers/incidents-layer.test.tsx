import ReactThreeTestRenderer from '@react-three/test-renderer';
import { Color, type InstancedMesh } from 'three';
import { describe, expect, it } from 'vitest';
import { heatCells, type HeatIncident } from '../heat';
import { HEAT_RAMP } from '../palette';
import { building } from '../test-fixtures';
import { HeatStrip } from './incidents-layer';

const at = (id: number, floor: number | null, windowColumn: number | null, buildingId = 1): HeatIncident => ({
  id,
  buildingId,
  facade: 'south',
  floor,
  windowColumn,
});

// Building 1: floor 5 column 2 three times, floor 6 column 2 once, floor 3
// column 7 once; building 2: floor 2 column 1 once; one known by band only.
const INCIDENTS = [at(1, 5, 2), at(2, 5, 2), at(3, 5, 2), at(4, 6, 2), at(5, 3, 7), at(6, 2, 1, 2), at(7, null, null)];

describe('throwing heat strip', () => {
  it('counts incidents per building, floor and window column, and those known by band apart', () => {
    const { cells, bandOnly } = heatCells(INCIDENTS);
    const count = (b: number, f: number, c: number) =>
      cells.find((x) => x.buildingId === b && x.floor === f && x.column === c)?.count;
    expect(count(1, 5, 2)).toBe(3);
    expect(count(1, 6, 2)).toBe(1);
    expect(count(1, 3, 7)).toBe(1);
    expect(count(2, 2, 1)).toBe(1);
    expect(cells).toHaveLength(4);
    expect(bandOnly).toBe(1);
  });

  it('draws one cell per window with its count, the busiest in the deepest red', async () => {
    const { cells } = heatCells(INCIDENTS);
    const renderer = await ReactThreeTestRenderer.create(
      <HeatStrip cells={cells} buildings={[building(1, 0), building(2, 50)]} onPick={() => {}} />,
    );
    const mesh = renderer.scene.findByProps({ name: 'heat-strip' }).instance as InstancedMesh;
    expect(mesh.count).toBe(4);
    const counts = mesh.userData.counts as number[];
    expect(counts.reduce((a, b) => a + b, 0)).toBe(INCIDENTS.length - 1);
    const busiest = cells.findIndex((c) => c.count === 3);
    const c = new Color();
    mesh.getColorAt(busiest, c);
    expect(`#${c.getHexString()}`).toBe(new Color(HEAT_RAMP[HEAT_RAMP.length - 1]).getHexString().replace(/^/, '#'));
    // The floor-5 cell sits at floor 5's height (3 m storeys: 12–15 m).
    const m = new (await import('three')).Matrix4();
    mesh.getMatrixAt(busiest, m);
    expect(m.elements[13]).toBeGreaterThan(12);
    expect(m.elements[13]).toBeLessThan(15);
    await renderer.unmount();
  });
});
