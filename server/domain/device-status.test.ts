// The status machine and alarm rules as pure functions.
import { describe, expect, it } from 'vitest';
import { readingConditions } from './alarm-rules';
import type { DeviceEvent } from './device-event';
import { applyEvent, derivedStatus, markOffline, type DeviceFacts, type DeviceState } from './device-status';

const T0 = new Date('2026-11-22T08:00:00Z');
const at = (s: number) => new Date(T0.getTime() + s * 1000);
const device = (cls: DeviceFacts['class']): DeviceFacts => ({
  id: 1,
  class: cls,
  communityId: 1,
  buildingId: 1,
  unitId: null,
});
const fresh = (status: DeviceState['status'] = 'online', active: string[] = []): DeviceState => ({
  status,
  statusSince: T0,
  active: new Set(active),
});
const reading = (s: number, data: Record<string, number | boolean | string | null>): DeviceEvent => ({
  id: `r${s}`,
  kind: 'reading',
  at: at(s),
  data,
});

describe('device status machine', () => {
  it('raises smoke once, goes to alarm, and clears back to online', () => {
    const smoke = device('smoke_detector');
    const a = applyEvent(smoke, fresh(), reading(1, { smoke: true }), at(1));
    expect(a.state.status).toBe('alarm');
    expect(a.raise.map((r) => [r.kind, r.severity])).toEqual([['smoke', 'critical']]);
    expect(a.incident?.kind).toBe('fire_smoke');
    const again = applyEvent(smoke, a.state, reading(2, { smoke: true }), at(2));
    expect(again.raise).toEqual([]);
    const b = applyEvent(smoke, again.state, reading(3, { smoke: false }), at(3));
    expect(b.clear).toEqual(['smoke']);
    expect(b.state.status).toBe('online');
  });

  it('leaves status alone for readings that speak to no condition', () => {
    const out = applyEvent(device('smoke_detector'), fresh('alarm', ['smoke']), reading(1, { battery: 80 }), at(1));
    expect(out.state.status).toBe('alarm');
    expect(out.telemetry).toEqual({ battery: 80 });
  });

  it('puts a device in fault over alarm, and recovers', () => {
    const lift = device('elevator_controller');
    const f = applyEvent(lift, fresh(), { id: 'f', kind: 'fault', at: at(1), data: { code: 'E30' } }, at(1));
    expect(f.state.status).toBe('fault');
    expect(f.raise[0]?.kind).toBe('elevator_fault');
    const trapped = applyEvent(lift, f.state, reading(2, { trapped: true }), at(2));
    expect(trapped.state.status).toBe('fault');
    expect(trapped.raise[0]).toMatchObject({ kind: 'elevator_trapped', severity: 'critical' });
    const rec = applyEvent(lift, trapped.state, { id: 'r', kind: 'recovered', at: at(3), data: {} }, at(3));
    expect(rec.state.status).toBe('alarm');
    expect(applyEvent(lift, rec.state, reading(4, { trapped: false }), at(4)).state.status).toBe('online');
  });

  it('goes offline after silence and back online on any word, clearing the offline alarm', () => {
    const off = markOffline(fresh('alarm', ['smoke']), at(100));
    expect(off.state.status).toBe('offline');
    expect(off.raise.map((r) => r.kind)).toEqual(['device_offline']);
    expect(markOffline(off.state, at(200)).raise).toEqual([]);
    const back = applyEvent(
      device('smoke_detector'),
      off.state,
      { id: 'h', kind: 'heartbeat', at: at(150), data: {} },
      at(150),
    );
    expect(back.clear).toEqual(['device_offline']);
    expect(back.state.status).toBe('alarm'); // the smoke is still there
  });

  it('keeps maintenance until it ends, raising only life-safety conditions meanwhile', () => {
    const gas = device('combustible_gas');
    const m = applyEvent(gas, fresh(), { id: 'm', kind: 'maintenance', at: at(1), data: { on: true } }, at(1));
    expect(m.state.status).toBe('maintenance');
    expect(markOffline(m.state, at(9999)).state.status).toBe('maintenance');
    const leak = applyEvent(device('water_leak_contact'), { ...m.state }, reading(2, { leak: true }), at(2));
    expect(leak.raise).toEqual([]);
    const lel = applyEvent(gas, m.state, reading(2, { lelPercent: 35 }), at(2));
    expect(lel.raise.map((r) => r.kind)).toEqual(['gas_leak']);
    expect(lel.state.status).toBe('maintenance');
    const end = applyEvent(gas, lel.state, { id: 'e', kind: 'maintenance', at: at(3), data: { on: false } }, at(3));
    expect(end.state.status).toBe('alarm');
  });

  it('ignores a stale all-clear that arrives after a newer alarm', () => {
    const smoke = device('smoke_detector');
    const a = applyEvent(smoke, fresh(), reading(10, { smoke: true }), at(10));
    const late = applyEvent(smoke, a.state, reading(5, { smoke: false }), at(11));
    expect(late.clear).toEqual([]);
    expect(late.state.status).toBe('alarm');
  });

  it('turns a throwing event into an incident with its floor, band, column and trajectory', () => {
    const trajectory = [
      { t: 0, x: 0, y: 0, z: 20 },
      { t: 2, x: 0, y: 1, z: 0 },
    ];
    const out = applyEvent(
      device('throwing_camera'),
      fresh(),
      {
        id: 't',
        kind: 'throwing',
        at: at(1),
        data: { floor: 7, floorBand: [6, 8], windowColumn: 3, trajectory, evidence: [] },
      },
      at(1),
    );
    expect(out.incident).toMatchObject({ kind: 'throwing', floor: 7, floorBand: [6, 8], windowColumn: 3, trajectory });
    expect(out.raise).toMatchObject([{ kind: 'throwing', withIncident: true }]);
    expect(out.state.status).toBe('online');
  });

  it('pages staff only for e-bikes that held the door long or needed staff', () => {
    const cam = device('elevator_ebike_camera');
    const short = applyEvent(
      cam,
      fresh(),
      { id: 'a', kind: 'ebike_blocked', at: at(1), data: { doorHeldSeconds: 8, releasedBy: 'auto' } },
      at(1),
    );
    expect(short.incident).toMatchObject({ kind: 'ebike_elevator', doorHeldSeconds: 8 });
    expect(short.raise).toEqual([]);
    const long = applyEvent(
      cam,
      fresh(),
      { id: 'b', kind: 'ebike_blocked', at: at(1), data: { doorHeldSeconds: 45, releasedBy: 'auto' } },
      at(1),
    );
    expect(long.raise.map((r) => r.kind)).toEqual(['ebike_elevator']);
  });
});

describe('alarm rules', () => {
  it('reads each class by its own fields and thresholds', () => {
    expect(readingConditions('fire_water_pressure', { pressureMpa: 0.05 })).toEqual([
      { kind: 'fire_water_low_pressure', on: true },
    ]);
    expect(readingConditions('fire_water_pressure', { pressureMpa: 0.3 })).toEqual([
      { kind: 'fire_water_low_pressure', on: false },
    ]);
    expect(readingConditions('manhole_cover', { tiltDegrees: 30 })).toEqual([{ kind: 'manhole_open', on: true }]);
    expect(readingConditions('elevator_controller', { fault: 0 })).toEqual([{ kind: 'elevator_fault', on: false }]);
    expect(readingConditions('environment', { pm25: 300 })).toEqual([]);
    // A field of another class says nothing.
    expect(readingConditions('environment', { smoke: true })).toEqual([]);
  });

  it('derives fault before alarm before online, and ignores offline for it', () => {
    expect(derivedStatus(new Set(['smoke', 'device_fault']))).toBe('fault');
    expect(derivedStatus(new Set(['water_leak']))).toBe('alarm');
    expect(derivedStatus(new Set(['device_offline', 'throwing']))).toBe('online');
  });
});
