// Fresh databases for benchmarks: each module gets its own, migrated with
// the committed migrations and removed again on close, so modules never see
// each other's rows. PGlite lives in a directory under .data/bench-pglite
// (on disk like the app's default, not in memory); PostgreSQL in a database
// created from BENCH_DATABASE_URL's server.
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { migrateDatabase, openDatabase, openScratchPostgres, type Database, type Engine } from '../db/client';

const DEFAULT_POSTGRES_URL = 'postgres://postgres@127.0.0.1:5432/test';

export function benchPostgresUrl(): string {
  return process.env.BENCH_DATABASE_URL ?? DEFAULT_POSTGRES_URL;
}

/** Connects once to the PostgreSQL server; the reason it could not, or null. */
export async function postgresUnreachable(): Promise<string | null> {
  let admin: Database | undefined;
  try {
    admin = await openDatabase({ url: benchPostgresUrl(), poolSize: 1 });
    const probe = admin.exec('select 1');
    // postgres.js waits up to 30 s for a connection to a silent host.
    const timeout = new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error('no answer in 5 s')), 5_000).unref(),
    );
    await Promise.race([probe, timeout]);
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    await admin?.close().catch(() => {});
  }
}

/** `name` keeps modules apart: a PGlite sub-directory, a PostgreSQL database `linli_bench_<name>`. */
export async function openBenchDatabase(engine: Engine, name: string): Promise<Database> {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`bench database name must be [a-z0-9_]: ${name}`);
  if (engine === 'pglite') {
    const dataDir = path.join(process.cwd(), '.data', 'bench-pglite', name);
    // A directory left by an interrupted run would start the bench with its rows.
    await rm(dataDir, { recursive: true, force: true });
    const database = await openDatabase({ dataDir });
    await migrateDatabase(database);
    return {
      ...database,
      close: async () => {
        await database.close();
        await rm(dataDir, { recursive: true, force: true });
      },
    };
  }
  // Pooled as the app opens PostgreSQL (openDatabase: 10 connections), so the
  // frame writer and subscriptions do not queue behind the ingest transactions.
  return openScratchPostgres(benchPostgresUrl(), `linli_bench_${name}`, 10);
}
