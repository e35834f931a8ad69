// Which community tier each of the device panel's actions needs: the tier of
// the procedure it calls or the page it opens (server/routers/*.ts, the page's
// own check). The panel shows an action only to a caller holding its tier
// there; lib/device-actions.test.ts holds these to the router's own tiers.
import type { CommunityTier } from '~/server/domain/access';

export const DEVICE_ACTION_TIER = {
  /** workOrder.create */
  workOrder: 'staff',
  /** The ops desk (/ops/<slug>) and alarm.list behind it. */
  alarms: 'staff',
  /** device.setMaintenance */
  maintenance: 'staff',
} as const satisfies Record<string, CommunityTier>;

export type DeviceAction = keyof typeof DEVICE_ACTION_TIER;

/** The procedure behind each action, whose tier the test compares. */
export const DEVICE_ACTION_PROCEDURE: Record<DeviceAction, string> = {
  workOrder: 'workOrder.create',
  alarms: 'alarm.list',
  maintenance: 'device.setMaintenance',
};
