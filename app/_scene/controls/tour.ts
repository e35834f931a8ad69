// The big screen's unattended camera tour as a plain state machine, apart
// from three.js and React so its timing can be tested with a fake clock.
//
// Each stop (the whole community, then every building in turn) is a slow
// orbit across its south side, where unit doors, labels and retrofit shafts
// face; between stops the camera flies on an eased arc. A new critical alarm
// interrupts: the camera flies to the alarm's device, holds there, then
// resumes with the stop it left. Pause freezes the camera where it is;
// stepping flies to the next or previous stop (and, while paused, stays
// there); resume carries on from the same angle.
//
// The camera rig calls frame() on every rendered frame and is told when the
// next frame is wanted, so a still camera (paused, holding on an alarm)
// costs no frames at all and a moving one only as many as FRAME_MS allows.
// Commands (pause, step, alarm) reach the tour through the scene runtime,
// which asks for a frame after each one so the new plan starts at once.
import type { CameraTarget } from '../runtime';

export type Vec3 = [number, number, number];
export type Pose = { eye: Vec3; target: Vec3 };
/** An orbit around a vertical axis through `centre`, at `distance` and `polar` (radians from straight down the axis). */
export type Orbit = { centre: Vec3; look: Vec3; distance: number; polar: number };
export type TourStop = { key: string; label: string; target: CameraTarget };

/** What the screen shows about the tour; changes a few times a minute at most. */
export type TourView = { target: string; label: string; paused: boolean; alarm: boolean };
/** Where the camera is, for the screen's data attributes (end-to-end tests, remote diagnostics). */
export type TourProbe = {
  target: string;
  phase: Phase['kind'] | 'paused';
  azimuthDeg: number | null;
  eye: Vec3;
  centre: Vec3 | null;
};

export type TourListener = { view?: (view: TourView) => void; frame?: (probe: TourProbe) => void };

/** What the rig lends the tour: the orbit of a stop, and the camera's pose now. */
export type TourRig = { orbitOf: (target: CameraTarget) => Orbit | null; current: () => Pose };

export type TourTiming = {
  /** A flight from one stop (or an alarm) to the next. */
  flyMs: number;
  /** How long the camera orbits each stop… */
  orbitMs: number;
  /** …and how far round it goes in that time (2π/3: 4° a second over 30 s). */
  orbitRad: number;
  /** How long the camera stays on a new critical alarm. */
  holdMs: number;
  /** The sweep is centred on this azimuth (the default view's, a little east of south). */
  centreAzimuth: number;
};

export const TOUR_TIMING: TourTiming = {
  flyMs: 4_000,
  orbitMs: 30_000,
  orbitRad: (2 * Math.PI) / 3,
  holdMs: 30_000,
  centreAzimuth: 0.32,
};
/** At most this often a frame while the camera moves: ~15 fps reads as smooth at 4° a second and keeps software WebGL cheap. */
export const FRAME_MS = 66;

type Phase =
  | {
      kind: 'fly';
      from: Pose;
      to: Pose;
      start: number;
      then: 'orbit' | 'hold' | 'still';
      orbit: Orbit | null;
      azimuth: number;
    }
  | { kind: 'orbit'; orbit: Orbit; start: number }
  | { kind: 'hold'; until: number }
  | { kind: 'still'; orbit: Orbit | null; azimuth: number }
  | { kind: 'idle' };

type Pending = { kind: 'stop'; index: number } | { kind: 'alarm'; key: string; label: string; point: Vec3 };

export type FrameResult = { pose: Pose | null; nextInMs: number | null };

const ease = (t: number) => t * t * (3 - 2 * t);
const lerp = (a: number, b: number, t: number) => a + (b - a) * t;

export function orbitPose(o: Orbit, azimuth: number): Pose {
  const r = o.distance * Math.sin(o.polar);
  return {
    eye: [
      o.centre[0] + r * Math.sin(azimuth),
      o.centre[1] + o.distance * Math.cos(o.polar),
      o.centre[2] + r * Math.cos(azimuth),
    ],
    target: [...o.look],
  };
}

/** An alarm's device seen from the south-east and above: near enough to pick out its floor, far enough to see which building. */
export function alarmPose(p: Vec3): Pose {
  return { eye: [p[0] + 20, p[1] + 26, p[2] + 44], target: [...p] };
}

export class CameraTour {
  readonly stops: TourStop[];
  private readonly timing: TourTiming;
  private index = 0;
  private phase: Phase = { kind: 'idle' };
  private pending: Pending | null = { kind: 'stop', index: 0 };
  private paused = false;
  private pausedAt = 0;
  private alarmView: { key: string; label: string } | null = null;
  private view: TourView;
  private readonly listeners = new Set<TourListener>();

  constructor(stops: TourStop[], timing: TourTiming = TOUR_TIMING) {
    this.stops = stops.length ? stops : [{ key: 'home', label: '', target: { kind: 'home' } }];
    this.timing = timing;
    const first = this.stops[0]!;
    this.view = { target: first.key, label: first.label, paused: false, alarm: false };
  }

  /** The same object until what the screen shows changes (a useSyncExternalStore snapshot). */
  getView(): TourView {
    return this.view;
  }

  /** The screen listens: to what it shows (rarely), and after each frame to where the camera is. */
  listen(listener: TourListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  isPaused(): boolean {
    return this.paused;
  }

  togglePause(now: number): void {
    if (this.paused) this.resume(now);
    else this.pause(now);
  }

  pause(now: number): void {
    if (this.paused) return;
    this.paused = true;
    this.pausedAt = now;
    // The runtime asks for one more frame, so the probe says "paused" (the camera stays where it is).
    this.publish();
  }

  resume(now: number): void {
    if (!this.paused) return;
    this.paused = false;
    const away = now - this.pausedAt;
    const p = this.phase;
    // The camera did not move while paused: carry on from the same point of the flight or orbit.
    // (An alarm's flight, and a step taken while paused, kept flying.)
    if (p.kind === 'fly' && p.then === 'orbit') p.start += away;
    else if (p.kind === 'orbit') p.start += away;
    else if (p.kind === 'hold') p.until += away;
    else if (p.kind === 'still') {
      if (p.orbit) this.phase = { kind: 'orbit', orbit: p.orbit, start: now - this.elapsedAt(p.azimuth) };
      else this.pending = { kind: 'stop', index: this.index };
    } else if (p.kind === 'fly' && p.then === 'still') p.then = 'orbit';
    this.publish();
  }

  /** Next (+1) or previous (−1) stop, from a key or a presenter remote; ends an alarm's hold. */
  step(delta: number): void {
    const n = this.stops.length;
    // Two presses before the next frame step twice.
    const from = this.pending?.kind === 'stop' ? this.pending.index : this.index;
    this.pending = { kind: 'stop', index: (((from + delta) % n) + n) % n };
  }

  /** A new critical alarm: fly to its device and hold (even while paused: an operator who paused still wants to see it). */
  alarm(key: string, label: string, point: Vec3): void {
    this.pending = { kind: 'alarm', key, label, point };
  }

  /** The orbit's start time that puts it at `azimuth`. */
  private elapsedAt(azimuth: number): number {
    const a0 = this.timing.centreAzimuth - this.timing.orbitRad / 2;
    return ((azimuth - a0) / this.timing.orbitRad) * this.timing.orbitMs;
  }

  private azimuthAt(elapsed: number): number {
    return (
      this.timing.centreAzimuth - this.timing.orbitRad / 2 + (this.timing.orbitRad * elapsed) / this.timing.orbitMs
    );
  }

  private publish(): void {
    const stop = this.stops[this.index]!;
    const next: TourView = this.alarmView
      ? { target: this.alarmView.key, label: this.alarmView.label, paused: this.paused, alarm: true }
      : { target: stop.key, label: stop.label, paused: this.paused, alarm: false };
    const v = this.view;
    if (v.target === next.target && v.label === next.label && v.paused === next.paused && v.alarm === next.alarm)
      return;
    this.view = next;
    for (const l of this.listeners) l.view?.(next);
  }

  private begin(now: number, rig: TourRig, pending: Pending): void {
    const from = rig.current();
    if (pending.kind === 'alarm') {
      this.alarmView = { key: pending.key, label: pending.label };
      this.phase = {
        kind: 'fly',
        from,
        to: alarmPose(pending.point),
        start: now,
        then: 'hold',
        orbit: null,
        azimuth: 0,
      };
    } else {
      this.index = pending.index;
      this.alarmView = null;
      const orbit = rig.orbitOf(this.stops[this.index]!.target);
      if (!orbit) {
        this.phase = { kind: 'idle' };
      } else {
        const azimuth = this.azimuthAt(0);
        this.phase = {
          kind: 'fly',
          from,
          to: orbitPose(orbit, azimuth),
          start: now,
          then: this.paused ? 'still' : 'orbit',
          orbit,
          azimuth,
        };
      }
    }
    this.publish();
  }

  /** Called by the rig on each rendered frame: the pose to show (null: leave the camera) and when to call again (null: not until woken). */
  frame(now: number, rig: TourRig): FrameResult {
    if (this.pending) {
      const pending = this.pending;
      this.pending = null;
      this.begin(now, rig, pending);
    }
    const result = this.advance(now, rig);
    const p = this.phase;
    const stop = this.stops[this.index]!;
    const orbit = p.kind === 'orbit' ? p.orbit : p.kind === 'fly' || p.kind === 'still' ? p.orbit : null;
    const eye = result.pose?.eye ?? rig.current().eye;
    const azimuth = orbit ? Math.atan2(eye[0] - orbit.centre[0], eye[2] - orbit.centre[2]) : null;
    const probe: TourProbe = {
      target: this.alarmView?.key ?? stop.key,
      phase: this.paused && result.nextInMs === null ? 'paused' : p.kind,
      azimuthDeg: azimuth === null ? null : (azimuth * 180) / Math.PI,
      eye,
      centre: orbit?.centre ?? null,
    };
    for (const l of this.listeners) l.frame?.(probe);
    return result;
  }

  private advance(now: number, rig: TourRig): FrameResult {
    const p = this.phase;
    const t = this.timing;
    switch (p.kind) {
      case 'idle':
        return { pose: null, nextInMs: null };
      case 'still':
        return { pose: null, nextInMs: null };
      case 'fly': {
        // A flight the tour began is frozen by a pause; one the viewer asked for (a step while paused) or an alarm's is not.
        if (this.paused && p.then === 'orbit') return { pose: null, nextInMs: null };
        const k = Math.min(1, (now - p.start) / t.flyMs);
        if (k >= 1) {
          if (p.then === 'orbit' && p.orbit) this.phase = { kind: 'orbit', orbit: p.orbit, start: now };
          else if (p.then === 'hold') this.phase = { kind: 'hold', until: now + t.holdMs };
          else this.phase = { kind: 'still', orbit: p.orbit, azimuth: p.azimuth };
          return {
            pose: p.to,
            nextInMs: this.phase.kind === 'orbit' ? 0 : this.phase.kind === 'hold' ? t.holdMs : null,
          };
        }
        const e = ease(k);
        const lift =
          Math.sin(Math.PI * k) * 0.15 * Math.hypot(p.to.eye[0] - p.from.eye[0], p.to.eye[2] - p.from.eye[2]);
        const eye: Vec3 = [
          lerp(p.from.eye[0], p.to.eye[0], e),
          lerp(p.from.eye[1], p.to.eye[1], e) + lift,
          lerp(p.from.eye[2], p.to.eye[2], e),
        ];
        const target: Vec3 = [
          lerp(p.from.target[0], p.to.target[0], e),
          lerp(p.from.target[1], p.to.target[1], e),
          lerp(p.from.target[2], p.to.target[2], e),
        ];
        return { pose: { eye, target }, nextInMs: 0 };
      }
      case 'orbit': {
        if (this.paused) return { pose: null, nextInMs: null };
        const elapsed = now - p.start;
        if (elapsed >= t.orbitMs) {
          this.begin(now, rig, { kind: 'stop', index: (this.index + 1) % this.stops.length });
          return this.advance(now, rig);
        }
        return { pose: orbitPose(p.orbit, this.azimuthAt(elapsed)), nextInMs: 0 };
      }
      case 'hold': {
        if (this.paused) return { pose: null, nextInMs: null };
        if (now < p.until) return { pose: null, nextInMs: p.until - now };
        // Resume with the stop the alarm interrupted.
        this.begin(now, rig, { kind: 'stop', index: this.index });
        return this.advance(now, rig);
      }
    }
  }
}
