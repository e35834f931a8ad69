// The device panel shows an action to whoever holds the tier of the procedure behind it:
// the tiers it checks are the router's own (server/trpc.ts decides; this only mirrors it).
import { describe, expect, it } from 'vitest';
import { appRouter } from '~/server/root';
import { DEVICE_ACTION_PROCEDURE, DEVICE_ACTION_TIER, type DeviceAction } from './device-actions';

const procedures = appRouter._def.procedures as unknown as Record<string, { _def: { meta?: { tier?: string } } }>;

describe('the device panel’s actions', () => {
  it.each(Object.keys(DEVICE_ACTION_TIER) as DeviceAction[])('asks for the tier of the procedure behind %s', (a) => {
    const path = DEVICE_ACTION_PROCEDURE[a];
    expect(procedures[path], path).toBeDefined();
    expect(procedures[path]!._def.meta?.tier).toBe(DEVICE_ACTION_TIER[a]);
  });
});
