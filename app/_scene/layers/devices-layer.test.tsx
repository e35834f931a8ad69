import ReactThreeTestRenderer from '@react-three/test-renderer';
import { Color, type InstancedMesh, type Points } from 'three';
import { describe, expect, it } from 'vitest';
import { createMarkerGeometry, triangleCount } from '../markers';
import { SHAPES, STATUS_COLOR } from '../palette';
import { placeDevices } from '../placement';
import { TwinRuntime } from '../runtime';
import { createDeviceStore, setFilters, updateLod, writeDeviceStatus, type DeviceStore } from '../store';
import { building, scene, type DeviceRow } from '../test-fixtures';
import { DevicesLayer } from './devices-layer';

const ROWS: DeviceRow[] = [
  { id: 1, cls: 'smoke_detector', status: 'online', buildingId: 1, unitId: 11, floor: 3 },
  { id: 2, cls: 'smoke_detector', status: 'offline', buildingId: 1, unitId: 11, floor: 3 },
  { id: 3, cls: 'combustible_gas', status: 'fault', buildingId: 1, unitId: 12, floor: 5 },
  { id: 4, cls: 'parking_space', status: 'alarm', x: 40, y: -20, z: 0 },
  { id: 5, cls: 'access_control', status: 'maintenance', buildingId: 1, unitId: 11, floor: 1, x: 7.5, y: 0, z: 0 },
  { id: 6, cls: 'surveillance_camera', status: 'online', x: 0, y: -30, z: 4 },
];

function colourOf(store: DeviceStore, id: number): string {
  const i = store.indexById.get(id) as number;
  const mesh = store.meshes[store.container[i] as number] as InstancedMesh;
  const c = new Color();
  mesh.getColorAt(store.slot[i] as number, c);
  return `#${c.getHexString()}`;
}

async function mount() {
  const s = scene([building(1, 0)], ROWS);
  const store = createDeviceStore(s.devices, placeDevices(s));
  const renderer = await ReactThreeTestRenderer.create(<DevicesLayer store={store} />);
  return { store, renderer };
}

describe('device markers', () => {
  it('keeps every marker shape at or under 12 triangles', () => {
    for (const shape of SHAPES) expect(triangleCount(createMarkerGeometry(shape)), shape).toBeLessThanOrEqual(12);
  });

  it('draws all devices with one instanced mesh per shape, coloured by status', async () => {
    const { store, renderer } = await mount();
    const meshes = renderer.scene.findAll((n) => (n.instance as InstancedMesh).isInstancedMesh === true);
    expect(meshes).toHaveLength(SHAPES.length);
    expect(meshes.reduce((sum, m) => sum + (m.instance as InstancedMesh).count, 0)).toBe(ROWS.length);
    for (const row of ROWS)
      expect(colourOf(store, row.id), `device ${row.id}`).toBe(
        new Color(STATUS_COLOR[row.status]).getHexString().replace(/^/, '#'),
      );
    await renderer.unmount();
  });

  it('repaints one marker when its status changes, through the scene runtime', async () => {
    const { store, renderer } = await mount();
    const runtime = new TwinRuntime(store);
    let frames = 0;
    runtime.attachRig({ flyTo: () => {}, invalidate: () => frames++ });
    frames = 0;
    expect(runtime.setDeviceStatus(1, 'alarm')).toBe(true);
    expect(colourOf(store, 1)).toBe(`#${new Color(STATUS_COLOR.alarm).getHexString()}`);
    // Its neighbour on the same landing keeps its colour.
    expect(colourOf(store, 2)).toBe(`#${new Color(STATUS_COLOR.offline).getHexString()}`);
    expect(frames).toBe(1);
    expect(runtime.setDeviceStatus(999, 'alarm')).toBe(false);
    await renderer.unmount();
  });

  it('hides a filtered class and shows a device again when its status passes the filter', async () => {
    const { store, renderer } = await mount();
    const octahedra = store.meshes[SHAPES.indexOf('octahedron')] as InstancedMesh;
    expect(octahedra.count).toBe(3);
    setFilters(store, { classVisible: store.classVisible.map((_, i) => i !== 4 /* smoke_detector */) });
    expect(octahedra.count).toBe(1);
    setFilters(store, {
      classVisible: store.classVisible.map(() => true),
      statusVisible: [false, true, true, true, true],
    });
    expect(octahedra.count).toBe(2); // the online smoke detector is hidden
    writeDeviceStatus(store, 1, 'fault');
    expect(octahedra.count).toBe(3);
    expect(colourOf(store, 1)).toBe(`#${new Color(STATUS_COLOR.fault).getHexString()}`);
    await renderer.unmount();
  });

  it('draws far devices as one point cloud in their status colours, and near ones as shapes again', async () => {
    const { store, renderer } = await mount();
    const cloud = renderer.scene.findByProps({ name: 'devices-far' }).instance as Points;
    updateLod(store, [0, 5000, 0]);
    expect(cloud.geometry.drawRange.count).toBe(ROWS.length);
    expect(store.meshes.reduce((n, m) => n + (m?.count ?? 0), 0)).toBe(0);
    writeDeviceStatus(store, 3, 'alarm');
    const colours = cloud.geometry.getAttribute('color');
    const slot = store.slot[store.indexById.get(3) as number] as number;
    const alarm = new Color(STATUS_COLOR.alarm);
    expect([colours.getX(slot), colours.getY(slot), colours.getZ(slot)]).toEqual(
      [alarm.r, alarm.g, alarm.b].map((v) => Math.fround(v)),
    );
    updateLod(store, [10, 10, 10]);
    expect(cloud.geometry.drawRange.count).toBe(0);
    expect(colourOf(store, 3)).toBe(`#${alarm.getHexString()}`);
    await renderer.unmount();
  });

  it('places flat sensors on their unit at their floor and keeps the count at 10× scale', () => {
    const s = scene([building(1, 0)], ROWS);
    const pos = placeDevices(s);
    // Floor 3 of a 3 m storey: between 6 and 9 m up, on the south wall (z = −y = 0, just outside).
    expect(pos[1]).toBeGreaterThan(6);
    expect(pos[1]).toBeLessThan(9);
    expect(pos[2]).toBeGreaterThan(0);
    const tenfold = createDeviceStore(s.devices, pos, 10);
    expect(tenfold.count).toBe(ROWS.length * 10);
  });
});
