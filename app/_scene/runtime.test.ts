// The scene runtime's lifecycle: commands given before the camera rig is up
// wait and then run in order; once attached they run at once and ask for a
// frame; a detached runtime queues again; a disposed one drops everything.
import { describe, expect, it } from 'vitest';
import { CameraTour } from './controls/tour';
import { placeDevices } from './placement';
import { type CameraRig, type CameraTarget, TwinRuntime } from './runtime';
import { createDeviceStore } from './store';
import { building, scene } from './test-fixtures';

function setup(tour: CameraTour | null = null) {
  const s = scene(
    [building(1, 0)],
    [
      { id: 7, cls: 'parking_space', status: 'online', x: 40, y: -20, z: 0 },
      { id: 8, cls: 'smoke_detector', status: 'online', buildingId: 1, unitId: 11, floor: 2 },
    ],
  );
  const runtime = new TwinRuntime(createDeviceStore(s.devices, placeDevices(s)), tour);
  const flown: CameraTarget[] = [];
  let frames = 0;
  const rig: CameraRig = { flyTo: (t) => flown.push(t), invalidate: () => frames++ };
  return { runtime, rig, flown, frames: () => frames };
}

describe('scene runtime', () => {
  it('queues fly-to commands until the rig attaches, then runs them in order and draws', () => {
    const { runtime, rig, flown, frames } = setup();
    expect(runtime.state).toBe('created');
    runtime.flyTo({ kind: 'building', buildingId: 1 });
    runtime.flyTo({ kind: 'device', deviceId: 7 });
    runtime.flyTo({ kind: 'device', deviceId: 999 });
    expect(flown).toEqual([]);
    runtime.attachRig(rig);
    expect(runtime.state).toBe('attached');
    // The device resolves to its marker's position (40 m east, 20 m south of the origin); an unknown one is skipped.
    expect(flown).toEqual([
      { kind: 'building', buildingId: 1 },
      { kind: 'point', x: 40, y: expect.any(Number), z: 20 },
    ]);
    expect(frames()).toBe(1);
    runtime.flyTo({ kind: 'home' });
    expect(flown.at(-1)).toEqual({ kind: 'home' });
    expect(frames()).toBe(2);
  });

  it('queues again while no rig is attached, and drops every command once disposed', () => {
    const { runtime, rig, flown, frames } = setup();
    const detach = runtime.attachRig(rig);
    detach();
    expect(runtime.state).toBe('created');
    runtime.flyTo({ kind: 'home' });
    expect(flown).toEqual([]);
    // A remounted rig (a new canvas, or React running its effect again) picks up where the last one left.
    runtime.attachRig(rig);
    expect(flown).toEqual([{ kind: 'home' }]);
    runtime.flyTo({ kind: 'unit', unitId: 11 });
    runtime.dispose();
    expect(runtime.state).toBe('disposed');
    const drawn = frames();
    runtime.flyTo({ kind: 'home' });
    runtime.attachRig(rig);
    expect(runtime.setDeviceStatus(8, 'alarm')).toBe(false);
    expect(flown).toEqual([{ kind: 'home' }, { kind: 'unit', unitId: 11 }]);
    expect(frames()).toBe(drawn);
  });

  it('asks for a frame on a hover and on a status change, once attached', () => {
    const { runtime, rig, frames } = setup();
    runtime.setHover({ kind: 'point', at: [1, 2, 3] });
    expect(runtime.hoverVersion).toBe(1);
    runtime.attachRig(rig);
    const attached = frames();
    runtime.setHover(null);
    expect(runtime.setDeviceStatus(8, 'fault')).toBe(true);
    expect(frames()).toBe(attached + 2);
  });

  it('hands tour commands to the tour in order once the rig is up, each asking for a frame', () => {
    const tour = new CameraTour([
      { key: 'home', label: '全景', target: { kind: 'home' } },
      { key: 'building:1', label: '1号楼', target: { kind: 'building', buildingId: 1 } },
    ]);
    const { runtime, rig, frames } = setup(tour);
    runtime.tourTogglePause();
    runtime.tourStep(1);
    expect(tour.isPaused()).toBe(false);
    runtime.attachRig(rig);
    expect(tour.isPaused()).toBe(true);
    // A new critical alarm: the tour takes it at once (the next frame flies there), and the canvas is asked for that frame.
    const before = frames();
    runtime.tourAlarm('alarm:3', '烟感告警', [1, 2, 3]);
    expect(frames()).toBe(before + 1);
    const pose = { eye: [0, 100, 100] as [number, number, number], target: [0, 0, 0] as [number, number, number] };
    tour.frame(0, { orbitOf: () => null, current: () => pose });
    expect(tour.getView()).toMatchObject({ target: 'alarm:3', alarm: true, paused: true });
  });
});
