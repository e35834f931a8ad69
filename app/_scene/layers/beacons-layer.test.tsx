import ReactThreeTestRenderer from '@react-three/test-renderer';
import { Color, type InstancedMesh, MeshBasicMaterial, MeshLambertMaterial } from 'three';
import { describe, expect, it } from 'vitest';
import { SCENE_COLORS, STATUS_COLOR } from '../palette';
import { placeDevices } from '../placement';
import { TwinRuntime } from '../runtime';
import { beaconCounts, createDeviceStore, type DeviceStore } from '../store';
import { building, scene, type DeviceRow } from '../test-fixtures';
import { SceneThemeContext } from '../theme';
import { massing } from './building-geometry';
import { BeaconsLayer, chooseLabels } from './beacons-layer';
import { DevicesLayer } from './devices-layer';

const ROWS: DeviceRow[] = [
  { id: 1, cls: 'smoke_detector', status: 'online', buildingId: 1, unitId: 11, floor: 3 },
  { id: 2, cls: 'smoke_detector', status: 'offline', buildingId: 1, unitId: 11, floor: 5 },
  { id: 3, cls: 'combustible_gas', status: 'fault', buildingId: 1, unitId: 12, floor: 5 },
  { id: 4, cls: 'parking_space', status: 'alarm', x: 40, y: -20, z: 0 },
  { id: 5, cls: 'access_control', status: 'maintenance', buildingId: 1, unitId: 11, floor: 1 },
];

const hex = (c: string) => `#${new Color(c).getHexString()}`;

async function mount(theme: 'light' | 'dark' = 'light') {
  const s = scene([building(1, 0)], ROWS);
  const store = createDeviceStore(s.devices, placeDevices(s));
  const runtime = new TwinRuntime(store);
  runtime.attachRig({ flyTo: () => {}, invalidate: () => {} });
  const renderer = await ReactThreeTestRenderer.create(
    <SceneThemeContext.Provider value={theme}>
      <DevicesLayer store={store} />
      <BeaconsLayer store={store} describe={() => ({ name: 'n', place: 'p' })} pulse={false} />
    </SceneThemeContext.Provider>,
  );
  await ReactThreeTestRenderer.act(async () => renderer.advanceFrames(1, 16));
  const columns = renderer.scene.findByProps({ name: 'beacons-columns' }).instance as InstancedMesh;
  return { store, runtime, renderer, columns };
}

function beaconColours(store: DeviceStore, columns: InstancedMesh): Record<number, string> {
  const out: Record<number, string> = {};
  const c = new Color();
  store.beacons.forEach((i, slot) => {
    columns.getColorAt(slot, c);
    out[store.id[i] as number] = `#${c.getHexString()}`;
  });
  return out;
}

describe('beacons over alarmed and faulty devices', () => {
  it('stands one column per device in alarm (red) or fault (orange), all in one instanced mesh', async () => {
    const { store, renderer, columns } = await mount();
    expect(renderer.scene.findAll((n) => n.props.name === 'beacons-columns')).toHaveLength(1);
    expect(columns.count).toBe(2);
    // Alarms first.
    expect(store.beacons.map((i) => store.id[i])).toEqual([4, 3]);
    expect(beaconColours(store, columns)).toEqual({ 4: hex(STATUS_COLOR.alarm), 3: hex(STATUS_COLOR.fault) });
    expect(beaconCounts(store)).toEqual({ alarm: 1, fault: 1 });
    await renderer.unmount();
  });

  it('adds and removes beacons as live statuses change, and tells the page', async () => {
    const { store, runtime, renderer, columns } = await mount();
    let told = 0;
    runtime.subscribe(() => told++);
    runtime.setDeviceStatus(1, 'alarm');
    runtime.setDeviceStatus(4, 'online');
    await ReactThreeTestRenderer.act(async () => renderer.advanceFrames(1, 16));
    expect(columns.count).toBe(2);
    expect(beaconColours(store, columns)).toEqual({ 1: hex(STATUS_COLOR.alarm), 3: hex(STATUS_COLOR.fault) });
    // A fault turning into an alarm recolours its beacon.
    runtime.setDeviceStatus(3, 'alarm');
    await ReactThreeTestRenderer.act(async () => renderer.advanceFrames(1, 16));
    expect(beaconColours(store, columns)[3]).toBe(hex(STATUS_COLOR.alarm));
    expect(beaconCounts(store)).toEqual({ alarm: 2, fault: 0 });
    runtime.setDeviceStatus(1, 'online');
    runtime.setDeviceStatus(3, 'online');
    await ReactThreeTestRenderer.act(async () => renderer.advanceFrames(1, 16));
    expect(columns.count).toBe(0);
    expect(told).toBe(5);
    // A status that does not touch a beacon does not tell the page.
    runtime.setDeviceStatus(2, 'online');
    expect(told).toBe(5);
    await renderer.unmount();
  });

  it('shows only beacons of devices that are shown (filters and a cut floor)', async () => {
    const { store, runtime, renderer, columns } = await mount();
    runtime.setFilters({ statusVisible: [true, true, false, true, true] }); // alarm hidden
    await ReactThreeTestRenderer.act(async () => renderer.advanceFrames(1, 16));
    expect(store.beacons.map((i) => store.id[i])).toEqual([3]);
    expect(columns.count).toBe(1);
    runtime.setFilters({ statusVisible: [true, true, true, true, true], cut: { buildingId: 1, floor: 4 } });
    // Device 3 is on floor 5, above the cut.
    expect(store.beacons.map((i) => store.id[i])).toEqual([4]);
    await renderer.unmount();
  });

  it('labels alarms before faults, nearest first, up to the cap', () => {
    const s = scene(
      [building(1, 0)],
      [
        { id: 1, cls: 'smoke_detector', status: 'fault', x: 0, y: 0, z: 0 },
        { id: 2, cls: 'smoke_detector', status: 'alarm', x: 200, y: 0, z: 0 },
        { id: 3, cls: 'smoke_detector', status: 'alarm', x: 10, y: 0, z: 0 },
        { id: 4, cls: 'smoke_detector', status: 'fault', x: 5, y: 0, z: 0 },
      ],
    );
    const store = createDeviceStore(s.devices, placeDevices(s));
    store.lod.near = Infinity;
    // collectBeacons runs on relayout; a filter call triggers one.
    new TwinRuntime(store).setFilters({});
    const ids = (cap: number) => chooseLabels(store, [0, 0, 0], cap).map((i) => store.id[i]);
    expect(ids(4)).toEqual([3, 2, 1, 4]);
    expect(ids(3)).toEqual([3, 2, 1]);
  });
});

describe('dark scene theme', () => {
  it('draws status markers unlit on a dark wall and lit in the console', async () => {
    const light = await mount('light');
    const dark = await mount('dark');
    const material = (r: typeof light) =>
      (r.renderer.scene.findByProps({ name: 'devices-octahedron' }).instance as InstancedMesh).material;
    expect(material(light)).toBeInstanceOf(MeshLambertMaterial);
    expect(material(dark)).toBeInstanceOf(MeshBasicMaterial);
    // Beacons keep the one status palette in both themes.
    expect(beaconColours(dark.store, dark.columns)).toEqual({ 4: hex(STATUS_COLOR.alarm), 3: hex(STATUS_COLOR.fault) });
    await light.renderer.unmount();
    await dark.renderer.unmount();
  });

  it('has a dark ground and buildings, with roofs lighter than walls', () => {
    const lum = (c: string) => {
      const { r, g, b } = new Color(c);
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const dark = SCENE_COLORS.dark;
    for (const k of ['background', 'ground', 'wall'] as const)
      expect(lum(dark[k]), k).toBeLessThan(lum(SCENE_COLORS.light[k]));
    expect(lum(dark.background)).toBeLessThan(0.02);
    expect(lum(dark.roof)).toBeGreaterThan(lum(dark.wall));
    // The massing takes the theme's wall colour.
    const built = massing([building(1, 0)], () => false, dark)!;
    const colour = built.geometry.getAttribute('color');
    const wall = new Color(dark.wall);
    expect([colour.getX(0), colour.getY(0), colour.getZ(0)]).toEqual([wall.r, wall.g, wall.b].map(Math.fround));
  });
});
