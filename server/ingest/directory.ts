// Who is speaking: device identity by token (HTTP) or by code and password
// (MQTT), cached per process so the hot path does not query per message.
// Entries live CACHE_MS: a token rotated on another instance stops working
// here within that time (on this instance, at once: see forget()).
import { sql } from 'drizzle-orm';
import { selectRows, type Db } from '~/db/client';
import type { DeviceClass } from '~/db/vocab';
import { thresholdsWith, type Thresholds } from '../domain/alarm-rules';
import { hashDeviceToken, tokenMatches } from './tokens';

const CACHE_MS = 60_000;

export type IngestDevice = {
  id: number;
  code: string;
  class: DeviceClass;
  communityId: number;
  communitySlug: string;
  buildingId: number | null;
  unitId: number | null;
  tokenHash: string | null;
  /** The alarm thresholds of the device's community, read with it. */
  thresholds?: Thresholds;
};

type Entry = { device: IngestDevice; until: number };

export class DeviceDirectory {
  private readonly byHash = new Map<string, Entry>();
  private readonly codes = new Map<string, Entry>();

  constructor(private readonly db: Db) {}

  private async load(where: 'code' | 'hash', value: string): Promise<IngestDevice | null> {
    const column = where === 'code' ? sql`d.code` : sql`d.token_hash`;
    const [row] = await selectRows<{
      id: number;
      code: string;
      class: DeviceClass;
      community_id: number;
      slug: string;
      building_id: number | null;
      unit_id: number | null;
      token_hash: string | null;
      thresholds: Record<string, unknown> | null;
    }>(
      this.db,
      sql`select d.id, d.code, d.class, d.community_id, c.slug, d.building_id, d.unit_id, d.token_hash, c.thresholds
          from devices d join communities c on c.id = d.community_id where ${column} = ${value}`,
    );
    if (!row) return null;
    const device: IngestDevice = {
      id: row.id,
      code: row.code,
      class: row.class,
      communityId: row.community_id,
      communitySlug: row.slug,
      buildingId: row.building_id,
      unitId: row.unit_id,
      tokenHash: row.token_hash,
      thresholds: thresholdsWith(row.thresholds),
    };
    const entry = { device, until: Date.now() + CACHE_MS };
    this.codes.set(device.code, entry);
    if (device.tokenHash) this.byHash.set(device.tokenHash, entry);
    return device;
  }

  private cached(map: Map<string, Entry>, key: string): IngestDevice | undefined {
    const entry = map.get(key);
    if (!entry) return undefined;
    if (entry.until < Date.now()) {
      map.delete(key);
      return undefined;
    }
    return entry.device;
  }

  /** The device a bearer token belongs to, or null. */
  async byToken(token: string): Promise<IngestDevice | null> {
    if (token.length < 16 || token.length > 128) return null;
    const hash = hashDeviceToken(token);
    const hit = this.cached(this.byHash, hash);
    if (hit && hit.tokenHash === hash) return hit;
    const device = await this.load('hash', hash);
    return device && device.tokenHash === hash ? device : null;
  }

  /** The device whose code is `code` and whose token is `password`, or null (MQTT CONNECT). */
  async byCredentials(code: string, password: string): Promise<IngestDevice | null> {
    if (code.length === 0 || code.length > 64) return null;
    const device = this.cached(this.codes, code) ?? (await this.load('code', code));
    if (device && tokenMatches(password, device.tokenHash)) return device;
    // The cached entry may predate a rotation made elsewhere: look once more.
    const fresh = await this.load('code', code);
    return fresh && tokenMatches(password, fresh.tokenHash) ? fresh : null;
  }

  /** A device by code alone: for an external broker, whose own ACL has already authenticated the publisher. */
  async byCode(code: string): Promise<IngestDevice | null> {
    if (code.length === 0 || code.length > 64) return null;
    return this.cached(this.codes, code) ?? (await this.load('code', code));
  }

  /** Drops a device's cached credentials (after its token is rotated here). */
  forget(code: string): void {
    const entry = this.codes.get(code);
    this.codes.delete(code);
    if (entry?.device.tokenHash) this.byHash.delete(entry.device.tokenHash);
  }
}
