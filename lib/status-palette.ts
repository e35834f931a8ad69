// One status palette for the whole product (docs/ARCHITECTURE.md § Status
// palette). Red means an alarm, orange a fault, grey offline — nowhere else.
// Everything else that is coloured (alarm severity below 紧急/重要, patrol
// freshness, retrofit stages, heat, routes) takes a hue of its own, so a
// glance at red always means "act now". The scene, the DOM legends, the wall
// charts and the maps all read these values; the CSS custom properties in
// app/globals.css (--status-*, --sev-*) carry the same numbers.
import type { AlarmSeverity, DeviceStatus } from '~/db/vocab';

/** Device status: the only place red, orange and grey are used. */
export const STATUS_COLOR: Record<DeviceStatus, string> = {
  online: '#22a559',
  offline: '#8a94a3',
  alarm: '#e5322d',
  fault: '#f08a00',
  maintenance: '#2f6fe0',
};

/**
 * Alarm severity: 紧急 and 重要 are alarms that need someone now, so red
 * (deep, then bright); 次要 a pale red with dark text; 提示 is information,
 * indigo — never green, which reads as "good". `ink` is the text colour that
 * stays readable (WCAG AA) on `fill`.
 */
export const SEVERITY_COLOR: Record<AlarmSeverity, { fill: string; ink: string }> = {
  critical: { fill: '#b42318', ink: '#ffffff' },
  major: { fill: '#d92d20', ink: '#ffffff' },
  minor: { fill: '#fecdca', ink: '#7a271a' },
  warning: { fill: '#444ce7', ink: '#ffffff' },
};

/** Severity as one colour, for chart series and map markers on a dark ground. */
export const SEVERITY_TINT: Record<AlarmSeverity, string> = {
  critical: '#f04438',
  major: '#fd6f62',
  minor: '#fda29b',
  warning: '#8098f9',
};

/** Patrol freshness: teal when just checked, through blue to deep violet when stale. */
export const PATROL_COLOR = {
  fresh: '#0e9384',
  day: '#2e90fa',
  days: '#9e77ed',
  stale: '#5925dc',
  never: '#1d2939',
} as const;

/**
 * Retrofit stages: blues while planned, teal while built, green in service;
 * 搁置 (stalled) is a warm brown — it needs attention, but it is not an emergency.
 */
export const STAGE_COLOR = {
  planned: '#3f86e0',
  construction: '#0e9384',
  done: '#1a7f4b',
  stalled: '#8c5a2b',
} as const;

/** Heat of throwing incidents per window cell: pale to deep magenta (not red, not orange). */
export const HEAT_RAMP = ['#fbe8ff', '#e478fa', '#c11574', '#6a0f49'] as const;

/** Patrol and inspection routes. */
export const ROUTE_COLOR = '#0086c9';
