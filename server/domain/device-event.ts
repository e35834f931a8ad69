// A device event as the status and alarm rules read it: what the ingest's zod
// schema (server/ingest/event-schema.ts) admits, without the schema. The
// ingest's parsed events are assignable to this type, so a field the schema
// changes and the rules rely on fails the type check rather than a device.
import type { Facade } from '~/db/vocab';

/** Every event carries its id (unique per device) and the device's own clock. */
type At = { id: string; at: Date };

export type DeviceEvent =
  | (At & { kind: 'heartbeat'; data: { battery?: number; signal?: number } })
  | (At & { kind: 'reading'; data: Record<string, number | boolean | string | null> })
  | (At & { kind: 'fault'; data: { code: string; message?: string } })
  | (At & { kind: 'recovered'; data: { code?: string } })
  | (At & { kind: 'maintenance'; data: { on: boolean } })
  | (At & {
      kind: 'throwing';
      data: {
        floor?: number;
        floorBand: [number, number];
        facade?: Facade;
        windowColumn?: number;
        trajectory: Array<{ t: number; x: number; y: number; z: number }>;
        evidence: string[];
      };
    })
  | (At & { kind: 'ebike_blocked'; data: { doorHeldSeconds: number; releasedBy: 'auto' | 'staff' } });
