// The live bus factory: memory (one process), postgres (LISTEN/NOTIFY) or
// redis (pub/sub), chosen by LIVE_BUS. The contract and the shared pieces are
// in bus-shared.ts; the two networked buses load only when chosen.
import type { Database } from '~/db/client';
import { MemoryBus } from './bus-memory';
import type { BusKind, LiveBus } from './bus-shared';

export type BusOptions = { kind: BusKind; databaseUrl?: string; redisUrl?: string };

export async function createBus(database: Database, opts: BusOptions): Promise<LiveBus> {
  if (opts.kind === 'memory') return new MemoryBus(database);
  if (opts.kind === 'postgres') {
    if (!opts.databaseUrl) throw new Error('LIVE_BUS=postgres needs DATABASE_URL (PostgreSQL)');
    const { PostgresBus } = await import('./bus-postgres');
    return new PostgresBus(database, opts.databaseUrl);
  }
  if (!opts.redisUrl) throw new Error('LIVE_BUS=redis needs REDIS_URL');
  const { RedisBus } = await import('./bus-redis');
  return new RedisBus(database, opts.redisUrl, opts.databaseUrl);
}
