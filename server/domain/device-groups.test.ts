import { describe, expect, it } from 'vitest';
import { DEVICE_CLASSES } from '~/db/vocab';
import { DEVICE_GROUP_ORDER, DEVICE_GROUPS, deviceGroupOf, UNGROUPED_CLASSES } from './device-groups';

describe('device groups of the big screen', () => {
  it('puts each of the 16 classes in exactly one group', () => {
    const listed = DEVICE_GROUP_ORDER.flatMap((g) => [...DEVICE_GROUPS[g]]);
    expect(listed).toHaveLength(DEVICE_CLASSES.length);
    expect(new Set(listed)).toEqual(new Set(DEVICE_CLASSES));
    expect(UNGROUPED_CLASSES).toEqual([]);
  });

  it('groups the classes leadership asks about as 电梯, 监控, 门禁 and 消防', () => {
    expect(DEVICE_GROUP_ORDER).toEqual(['elevator', 'surveillance', 'access', 'fire', 'other']);
    expect(deviceGroupOf('elevator_controller')).toBe('elevator');
    for (const c of ['surveillance_camera', 'throwing_camera', 'elevator_ebike_camera'])
      expect(deviceGroupOf(c)).toBe('surveillance');
    for (const c of ['access_control', 'garage_plate_recognition']) expect(deviceGroupOf(c)).toBe('access');
    for (const c of ['smoke_detector', 'combustible_gas', 'fire_water_pressure', 'ebike_charging_shed'])
      expect(deviceGroupOf(c)).toBe('fire');
    for (const c of ['parking_space', 'manhole_cover', 'water_leak_contact', 'environment'])
      expect(deviceGroupOf(c)).toBe('other');
  });

  it('counts a class it does not know as other', () => {
    expect(deviceGroupOf('a_class_added_later')).toBe('other');
  });
});
