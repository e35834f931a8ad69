// NOTIFY payloads stay under PostgreSQL's 8000-byte cap: frames are packed
// several to a notification, and one too big to travel goes as its seq alone.
import { describe, expect, it } from 'vitest';
import { packNotifications } from './bus-postgres';
import type { LiveFrame } from './types';

const frame = (seq: number, devices: number): LiveFrame => ({
  type: 'frame',
  seq,
  communityId: 1,
  at: '2026-11-22T00:00:00.000Z',
  since: '2026-11-22T00:00:00.000Z',
  events: devices,
  devices: Array.from({ length: devices }, (_, i) => [i, 'online'] as [number, 'online']),
  alarms: [],
  incidents: [],
});

describe('NOTIFY packing', () => {
  it('packs small frames together, in order, each payload under 8000 bytes', () => {
    const frames = Array.from({ length: 60 }, (_, i) => frame(i + 1, 20));
    const payloads = packNotifications(frames);
    expect(payloads.length).toBeGreaterThan(1);
    expect(payloads.length).toBeLessThan(60);
    for (const p of payloads) expect(Buffer.byteLength(p)).toBeLessThanOrEqual(7900);
    const items = payloads.flatMap((p) => JSON.parse(p) as Array<{ s: number; p?: unknown }>);
    expect(items.map((i) => i.s)).toEqual(frames.map((f) => f.seq));
    expect(items.every((i) => i.p)).toBe(true);
  });

  it('sends a frame too large for NOTIFY as a reference to read back', () => {
    const payloads = packNotifications([frame(1, 5), frame(2, 5000), frame(3, 5)]);
    const items = payloads.flatMap((p) => JSON.parse(p) as Array<{ s: number; p?: unknown }>);
    expect(items.map((i) => [i.s, Boolean(i.p)])).toEqual([
      [1, true],
      [2, false],
      [3, true],
    ]);
  });
});
