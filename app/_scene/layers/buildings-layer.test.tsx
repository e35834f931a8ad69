import ReactThreeTestRenderer from '@react-three/test-renderer';
import { Mesh, MeshBasicMaterial, Raycaster, Vector3 } from 'three';
import { describe, expect, it } from 'vitest';
import type { TwinBuilding } from '~/server/queries/twin-scene';
import { TwinRuntime } from '../runtime';
import { createDeviceStore } from '../store';
import { building, columns } from '../test-fixtures';
import { buildingCentres, LABEL_BUDGET, nearestBuildings } from './building-labels';
import { floorLines, massing } from './building-geometry';
import { BuildingsLayer } from './buildings-layer';
import { lookPoint } from './near-buildings';
import { unitsGeometry } from './units-layer';

/** `n` buildings on a grid 80 m apart, as the bench lays out a community it was given. */
function community(n: number): TwinBuilding[] {
  const side = Math.ceil(Math.sqrt(n));
  return Array.from({ length: n }, (_, k) => {
    const b = building(k + 1, (k % side) * 80);
    const dy = Math.floor(k / side) * 80;
    b.footprint = b.footprint.map((p) => ({ x: p.x, y: p.y + dy }));
    b.units = b.units.map((u) => ({ ...u, id: (k + 1) * 10 + u.ordinal, stairY: u.stairY + dy }));
    return b;
  });
}

/** The first triangle a ray from `from` towards `to` hits, and its face index. */
function pick(geometry: Mesh['geometry'], from: Vector3, to: Vector3) {
  const mesh = new Mesh(geometry, new MeshBasicMaterial());
  const ray = new Raycaster(from, to.clone().sub(from).normalize());
  return ray.intersectObject(mesh)[0] ?? null;
}

describe('the merged massing', () => {
  it('maps a picked roof or wall back to its building', () => {
    const built = massing(community(3), () => false)!;
    // Building 2 stands at x 80…110, y 0…12 (world z 0…−12), 18 m high.
    const roof = pick(built.geometry, new Vector3(95, 100, -6), new Vector3(95, 0, -6));
    expect(roof?.point.y).toBeCloseTo(18);
    expect(built.triangleBuilding[roof!.faceIndex!]).toBe(2);
    // Building 3 stands north of building 1, at y 80…92 (world z −80…−92).
    const wall = pick(built.geometry, new Vector3(10, 5, -40), new Vector3(10, 5, -100));
    expect(wall?.point.z).toBeCloseTo(-80);
    expect(built.triangleBuilding[wall!.faceIndex!]).toBe(3);
    // The south wall faces south (+z), lit from the front.
    expect(wall!.face!.normal.z).toBeCloseTo(1);
  });

  it('draws a clockwise footprint the same way up', () => {
    const b = building(7, 0);
    b.footprint = [...b.footprint].reverse();
    const built = massing([b], () => false)!;
    const roof = pick(built.geometry, new Vector3(15, 50, -6), new Vector3(15, 0, -6));
    expect(roof?.face?.normal.y).toBeCloseTo(1);
    const wall = pick(built.geometry, new Vector3(10, 5, 40), new Vector3(10, 5, 0));
    expect(wall?.face?.normal.z).toBeCloseTo(1);
  });

  it('leaves out the building being cut', () => {
    const built = massing(community(3), (b) => b.id === 2)!;
    expect(pick(built.geometry, new Vector3(95, 100, -6), new Vector3(95, 0, -6))).toBeNull();
    expect(new Set(built.triangleBuilding)).toEqual(new Set([1, 3]));
  });

  it('draws floor lines up to a cut floor', () => {
    const [b] = community(1);
    // 4 edges × 6 floors + 4 corners, two points a segment.
    expect(floorLines([b!]).getAttribute('position').count).toBe((4 * 6 + 4) * 2);
    expect(floorLines([b!], () => 2).getAttribute('position').count).toBe((4 * 2 + 4) * 2);
  });
});

describe('unit markers', () => {
  it('map a picked canopy back to its unit', () => {
    const bs = community(2);
    const units = bs.flatMap((b) => b.units.map((u) => ({ u, b })));
    const built = unitsGeometry(units);
    // Unit 22: building 2's second unit, its canopy 2.4–2.75 m up at x 102.5, standing out to z 1.4.
    const hit = pick(built.geometry, new Vector3(102.5, 20, 0.7), new Vector3(102.5, 0, 0.7));
    expect(hit?.point.y).toBeCloseTo(2.75);
    expect(units[built.triangleUnit[hit!.faceIndex!]!]?.u.id).toBe(22);
  });
});

describe('labels', () => {
  it('go to the buildings nearest where the camera looks, all of them in a small community', () => {
    const small = community(30);
    expect(nearestBuildings(buildingCentres(small), 0, 0, LABEL_BUDGET)).toHaveLength(30);
    const big = community(1500);
    const chosen = nearestBuildings(buildingCentres(big), 1000, 1000, LABEL_BUDGET);
    expect(chosen).toHaveLength(LABEL_BUDGET);
    const far = (i: number) => {
      const c = buildingCentres([big[i]!]);
      return Math.hypot(c[0]! - 1000, c[1]! - 1000);
    };
    const worstChosen = Math.max(...chosen.map(far));
    const rest = big.map((_, i) => i).filter((i) => !chosen.includes(i));
    expect(Math.min(...rest.map(far))).toBeGreaterThanOrEqual(worstChosen);
  });

  it('look where the line of sight meets the ground', () => {
    const eye = new Vector3(100, 200, -300);
    const p = lookPoint(eye, new Vector3(0, -1, -1).normalize());
    expect(p.x).toBeCloseTo(100);
    // World z −300 − 200 = −500, which is 500 m north.
    expect(p.y).toBeCloseTo(500);
  });
});

describe('the buildings layer', () => {
  it('draws 1,500 buildings with as many draw calls as 30', async () => {
    const drawn = async (n: number) => {
      const bs = community(n);
      const runtime = new TwinRuntime(createDeviceStore(columns([]), new Float32Array(0)));
      const renderer = await ReactThreeTestRenderer.create(
        <BuildingsLayer buildings={bs} runtime={runtime} focusBuildingId={null} cut={null} onPick={() => {}} />,
      );
      let objects = 0;
      renderer.scene.instance.traverse((o) => {
        if ((o as Mesh).isMesh || o.type === 'LineSegments') objects++;
      });
      await renderer.unmount();
      return objects;
    };
    const few = await drawn(30);
    expect(few).toBeGreaterThanOrEqual(3);
    expect(await drawn(1500)).toBe(few);
  });
});
