// The groups of device classes leadership asks about on the big screen
// (docs/DOMAIN.md § Devices, "Device groups"): 电梯, 监控, 门禁, 消防, and
// the rest. Defined once here; the screen's device-health panel sums its
// per-class counts through it (server/queries/screen-panels.ts).
import { DEVICE_CLASSES, type DeviceClass } from '~/db/vocab';

/** In the order the screen lists them. Every class is in exactly one group (device-groups.test.ts). */
export const DEVICE_GROUPS = {
  /** 电梯: the elevator controllers (GB/T 24476 fields), existing and retrofitted lifts alike. */
  elevator: ['elevator_controller'],
  /** 监控: every camera — the courtyard surveillance cameras, the throwing cameras, the lifts' e-bike cameras. */
  surveillance: ['surveillance_camera', 'throwing_camera', 'elevator_ebike_camera'],
  /** 门禁: who and what comes in — unit door access control and the garage's plate recognition. */
  access: ['access_control', 'garage_plate_recognition'],
  /** 消防: fire safety — smoke, combustible gas, fire-water pressure, and the charging sheds' arc-fault detection. */
  fire: ['smoke_detector', 'combustible_gas', 'fire_water_pressure', 'ebike_charging_shed'],
  /** 其他: parking, environment, water, irrigation, manholes, leak and door contacts. */
  other: ['parking_space', 'environment', 'water_quality', 'irrigation_soil', 'manhole_cover', 'water_leak_contact'],
} as const satisfies Record<string, readonly DeviceClass[]>;

export type DeviceGroup = keyof typeof DEVICE_GROUPS;
export const DEVICE_GROUP_ORDER = Object.keys(DEVICE_GROUPS) as DeviceGroup[];

const GROUP_OF = new Map<DeviceClass, DeviceGroup>(
  DEVICE_GROUP_ORDER.flatMap((g) => DEVICE_GROUPS[g].map((c) => [c, g] as const)),
);

/** The group a class belongs to; a class no group names (one added to the vocabulary later) counts as other. */
export function deviceGroupOf(cls: string): DeviceGroup {
  return GROUP_OF.get(cls as DeviceClass) ?? 'other';
}

/** Classes no group names: empty while the groups cover the vocabulary. */
export const UNGROUPED_CLASSES = DEVICE_CLASSES.filter((c) => !GROUP_OF.has(c));
