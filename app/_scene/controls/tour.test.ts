// The tour's timing with a fake clock and a fake rig: orbits move, stops
// follow in turn, alarms interrupt and hand back, pause freezes and resume
// carries on from the same angle.
import { describe, expect, it } from 'vitest';
import type { FlyTarget } from '../runtime';
import { CameraTour, type Orbit, type Pose, TOUR_TIMING, type TourView } from './tour';

const ORBITS: Record<string, Orbit> = {
  home: { centre: [0, 20, 0], look: [0, 10, 0], distance: 400, polar: 0.9 },
  b1: { centre: [100, 30, -50], look: [100, 15, -50], distance: 120, polar: 1 },
  b2: { centre: [-80, 45, 40], look: [-80, 22, 40], distance: 150, polar: 1 },
};

function setup() {
  const tour = new CameraTour([
    { key: 'home', label: '全景', target: { kind: 'home' } },
    { key: 'building:1', label: '1号楼', target: { kind: 'building', buildingId: 1 } },
    { key: 'building:2', label: '2号楼', target: { kind: 'building', buildingId: 2 } },
  ]);
  let pose: Pose = { eye: [0, 300, 300], target: [0, 0, 0] };
  const rig = {
    orbitOf: (t: FlyTarget) =>
      t.kind === 'home' ? ORBITS.home! : t.kind === 'building' ? ORBITS[`b${t.buildingId}`]! : null,
    current: () => pose,
  };
  const views: TourView[] = [];
  tour.listen({ view: (v) => views.push(v) });
  const frame = (now: number) => {
    const r = tour.frame(now, rig);
    if (r.pose) pose = r.pose;
    return r;
  };
  return { tour, frame, views, pose: () => pose };
}

const horizontal = (p: Pose, o: Orbit) => Math.hypot(p.eye[0] - o.centre[0], p.eye[2] - o.centre[2]);
const azimuth = (p: Pose, o: Orbit) => Math.atan2(p.eye[0] - o.centre[0], p.eye[2] - o.centre[2]);

describe('camera tour', () => {
  const { flyMs, orbitMs, holdMs, orbitRad } = TOUR_TIMING;

  it('flies to each stop in turn and orbits it slowly at a constant distance', () => {
    const s = setup();
    expect(s.frame(0).nextInMs).toBe(0);
    // Halfway through the first flight the camera is between where it was and the orbit.
    s.frame(flyMs / 2);
    expect(s.pose().eye[1]).toBeGreaterThan(0);
    s.frame(flyMs);
    const home = ORBITS.home!;
    const a0 = azimuth(s.pose(), home);
    const radius = horizontal(s.pose(), home);
    expect(radius).toBeCloseTo(home.distance * Math.sin(home.polar), 6);
    // Ten seconds into the orbit: a third of the sweep further round, same distance, still looking at the centre.
    s.frame(flyMs + 10_000);
    expect(azimuth(s.pose(), home) - a0).toBeCloseTo((orbitRad * 10_000) / orbitMs, 6);
    expect(horizontal(s.pose(), home)).toBeCloseTo(radius, 6);
    expect(s.pose().target).toEqual(home.look);
    // The orbit ends; the camera flies on to building 1, then orbits it.
    s.frame(flyMs + orbitMs + 1);
    expect(s.tour.getView()).toMatchObject({ target: 'building:1', label: '1号楼', paused: false, alarm: false });
    s.frame(2 * flyMs + orbitMs + 2);
    s.frame(2 * flyMs + orbitMs + 5_000);
    expect(horizontal(s.pose(), ORBITS.b1!)).toBeCloseTo(ORBITS.b1!.distance * Math.sin(1), 6);
    expect(s.views.map((v) => v.target)).toEqual(['building:1']);
  });

  it('flies to a critical alarm, holds without asking for frames, then resumes the stop it left', () => {
    const s = setup();
    s.frame(0);
    s.frame(flyMs);
    s.frame(flyMs + 5_000);
    s.tour.alarm('alarm:7', '烟感告警', [10, 12, -30]);
    s.frame(flyMs + 5_001);
    expect(s.tour.getView()).toMatchObject({ target: 'alarm:7', alarm: true });
    const arrived = s.frame(2 * flyMs + 5_002);
    expect(s.pose().target).toEqual([10, 12, -30]);
    // Holding: still, and the next frame is wanted only when the hold ends.
    expect(arrived.nextInMs).toBe(holdMs);
    expect(s.frame(2 * flyMs + 6_000)).toEqual({ pose: null, nextInMs: holdMs - (6_000 - 5_002) });
    s.frame(2 * flyMs + 5_002 + holdMs);
    expect(s.tour.getView()).toMatchObject({ target: 'home', alarm: false });
  });

  it('pauses where it is, steps while paused without orbiting, and resumes from the same angle', () => {
    const s = setup();
    s.frame(0);
    s.frame(flyMs);
    s.frame(flyMs + 6_000);
    const before = s.pose();
    s.tour.togglePause(flyMs + 6_000);
    expect(s.tour.getView().paused).toBe(true);
    expect(s.frame(flyMs + 9_000)).toEqual({ pose: null, nextInMs: null });
    expect(s.pose()).toBe(before);
    // Resume after 20 s away: the orbit continues from where it stood, not 20 s further round.
    s.tour.togglePause(flyMs + 26_000);
    s.frame(flyMs + 26_000);
    expect(azimuth(s.pose(), ORBITS.home!)).toBeCloseTo(azimuth(before, ORBITS.home!), 6);
    // Pause, step forward twice: the camera flies to building 2 and stays there.
    s.tour.pause(flyMs + 27_000);
    s.tour.step(1);
    s.tour.step(1);
    s.frame(flyMs + 27_001);
    s.frame(2 * flyMs + 27_002);
    expect(s.tour.getView()).toMatchObject({ target: 'building:2', paused: true });
    const parked = s.pose();
    expect(s.frame(2 * flyMs + 40_000)).toEqual({ pose: null, nextInMs: null });
    s.tour.resume(2 * flyMs + 40_000);
    s.frame(2 * flyMs + 40_000);
    s.frame(2 * flyMs + 45_000);
    expect(azimuth(s.pose(), ORBITS.b2!) - azimuth(parked, ORBITS.b2!)).toBeCloseTo((orbitRad * 5_000) / orbitMs, 6);
    // Stepping back from the first stop wraps to the last.
    s.tour.step(-1);
    s.tour.step(-1);
    s.frame(2 * flyMs + 45_001);
    s.tour.step(-1);
    s.frame(2 * flyMs + 45_002);
    expect(s.tour.getView().target).toBe('building:2');
  });
});
