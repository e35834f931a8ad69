// Colours and looks shared by the scene and the DOM legend, so the legend can
// never disagree with what is drawn.
import type { DeviceClass, DeviceStatus, RetrofitStage } from '~/db/vocab';
import { HEAT_RAMP, PATROL_COLOR, STAGE_COLOR, STATUS_COLOR } from '~/lib/status-palette';

export { HEAT_RAMP, STATUS_COLOR };

/** Low-poly marker shapes; one InstancedMesh each (≤ 12 triangles, docs/ARCHITECTURE.md § Targets). */
export const SHAPES = ['octahedron', 'tetrahedron', 'box', 'cone'] as const;
export type Shape = (typeof SHAPES)[number];

// Detectors are octahedra, ground-level counters tetrahedra, boxed
// controllers boxes and everything that looks (cameras) or lifts a cone.
export const CLASS_SHAPE: Record<DeviceClass, Shape> = {
  elevator_controller: 'cone',
  elevator_ebike_camera: 'cone',
  throwing_camera: 'cone',
  surveillance_camera: 'cone',
  smoke_detector: 'octahedron',
  fire_water_pressure: 'box',
  combustible_gas: 'octahedron',
  access_control: 'box',
  garage_plate_recognition: 'box',
  parking_space: 'tetrahedron',
  environment: 'octahedron',
  water_quality: 'octahedron',
  irrigation_soil: 'tetrahedron',
  manhole_cover: 'tetrahedron',
  water_leak_contact: 'octahedron',
  ebike_charging_shed: 'box',
};

export const SHAPE_GLYPH: Record<Shape, string> = { octahedron: '◆', tetrahedron: '▲', box: '■', cone: '▼' };

/** How an elevator shaft is drawn (issue #3). */
export const ELEVATOR_LOOKS = ['ghost', 'scaffold', 'solid', 'stalled', 'fault', 'alarm'] as const;
export type ElevatorLook = (typeof ELEVATOR_LOOKS)[number];

export const LOOK_COLOR: Record<ElevatorLook, string> = {
  ghost: STAGE_COLOR.planned,
  scaffold: STAGE_COLOR.construction,
  solid: '#5b6b7f',
  stalled: STAGE_COLOR.stalled,
  fault: STATUS_COLOR.fault,
  alarm: STATUS_COLOR.alarm,
};

const PLANNED: ReadonlySet<string> = new Set<RetrofitStage>([
  'intent',
  'vote',
  'signed',
  'design',
  'publicity',
  'permit',
]);

/**
 * Planned stages are a ghost, construction a scaffold, accepted or in-service
 * lifts solid. A controller in alarm is red and in fault orange, like every
 * device; a stalled case is brown — it needs attention, but it is not an
 * emergency (one palette, lib/status-palette.ts). An original lift is solid
 * unless its controller says otherwise.
 */
export function elevatorLook(stage: RetrofitStage | 'original', controller: DeviceStatus | null): ElevatorLook {
  if (controller === 'alarm') return 'alarm';
  if (controller === 'fault') return 'fault';
  if (stage === 'stalled') return 'stalled';
  if (stage === 'construction') return 'scaffold';
  if (PLANNED.has(stage)) return 'ghost';
  return 'solid';
}

/** Patrol tint by hours since the last check-in; null: never checked. */
export const PATROL_BANDS = [
  { maxHours: 6, color: PATROL_COLOR.fresh, key: 'patrolFresh' },
  { maxHours: 24, color: PATROL_COLOR.day, key: 'patrolDay' },
  { maxHours: 72, color: PATROL_COLOR.days, key: 'patrolDays' },
  { maxHours: Infinity, color: PATROL_COLOR.stale, key: 'patrolStale' },
] as const;
export const PATROL_NEVER = PATROL_COLOR.never;

export function patrolColor(lastMs: number | null, nowMs: number): string {
  if (lastMs === null) return PATROL_NEVER;
  const hours = (nowMs - lastMs) / 3_600_000;
  return (PATROL_BANDS.find((b) => hours <= b.maxHours) ?? PATROL_BANDS[3]).color;
}

/** Heat of throwing incidents per window cell (HEAT_RAMP): palest at 1, deepest at `max`. */
export function heatColor(count: number, max: number): string {
  if (max <= 1) return HEAT_RAMP[1];
  const t = Math.min(1, (count - 1) / (max - 1));
  return HEAT_RAMP[Math.min(HEAT_RAMP.length - 1, Math.round(t * (HEAT_RAMP.length - 1)))] ?? HEAT_RAMP[0];
}

export type SceneTheme = 'light' | 'dark';

export type SceneColors = {
  background: string;
  ground: string;
  wall: string;
  roof: string;
  floorLine: string;
  entrance: string;
  stairwell: string;
  pole: string;
  highlight: string;
  /** The picked floor's band round its building (side-panel floor pick). */
  floorBand: string;
};

/**
 * The scene's own colours, per theme: the console is light; the big screens
 * are dark walls, where a near-white slab glares and distant markers vanish,
 * so there the ground and buildings are dark blue-grey with lit roofs and
 * readable edges, and status markers are drawn unlit (they glow). Status
 * colours are not here: they are STATUS_COLOR in every theme.
 */
export const SCENE_COLORS: Record<SceneTheme, SceneColors> = {
  light: {
    background: '#e9eef3',
    ground: '#d6e2d3',
    wall: '#f1ece2',
    roof: '#b7ada0',
    floorLine: '#a49c90',
    entrance: '#2b5c8a',
    stairwell: '#d3d0ca',
    pole: '#59616b',
    highlight: '#ffb300',
    floorBand: '#1570ef',
  },
  dark: {
    background: '#070d18',
    ground: '#101a2a',
    wall: '#2b3a52',
    roof: '#50688c',
    floorLine: '#7f9cc4',
    entrance: '#3d7fc4',
    stairwell: '#3a4a62',
    pole: '#8a9bb3',
    highlight: '#ffd24a',
    floorBand: '#53b1fd',
  },
};
