// One schema, two engines: embedded PGlite (default, a folder in the project)
// or PostgreSQL through postgres.js. Both are drizzle pg databases, so every
// query in the app is written once.
import path from 'node:path';
import { mkdirSync } from 'node:fs';
import type { SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type { PGlite as PGliteClient } from '@electric-sql/pglite';
import { lockDataDir } from './data-dir-lock';
import * as schema from './schema';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Engine = 'pglite' | 'postgres';

/** Values for `$1…` placeholders: text, cast in the SQL (`$1::text::json`), so both engines read them alike. */
export type RawParam = string | null;
export type RawResult<R> = { rows: R[]; /** rows affected (INSERT/UPDATE/DELETE) or returned */ count: number };
export type RawQuery = <R extends Record<string, unknown> = Record<string, unknown>>(
  text: string,
  params?: readonly RawParam[],
) => Promise<RawResult<R>>;

export type Database = {
  db: Db;
  engine: Engine;
  /**
   * Raw SQL in one transaction, for the ingest writer's hot path: no query
   * builder, and on PostgreSQL each statement is prepared once per connection
   * instead of parsed, described and planned on every call (an unprepared
   * query with parameters costs postgres.js a second round trip).
   */
  transaction: <T>(fn: (query: RawQuery) => Promise<T>) => Promise<T>;
  /** Runs raw SQL (no parameters): for bench set-up and maintenance. */
  exec: (sql: string) => Promise<void>;
  close: () => Promise<void>;
};

export const MIGRATIONS_FOLDER = path.join(process.cwd(), 'db', 'migrations');

/**
 * Opens a database. `url` (postgres://…) selects PostgreSQL; otherwise PGlite
 * in `dataDir`, or in memory when `dataDir` is 'memory://'.
 */
export async function openDatabase(opts: {
  url?: string;
  dataDir?: string;
  poolSize?: number;
  /** Who opens a PGlite folder, named to a second process refused it (db/data-dir-lock.ts). */
  role?: string;
}): Promise<Database> {
  if (opts.url) {
    const { default: postgres } = await import('postgres');
    const { drizzle } = await import('drizzle-orm/postgres-js');
    const client = postgres(opts.url, { max: opts.poolSize ?? 10, onnotice: () => {} });
    const db = drizzle({ client, schema, casing: 'snake_case' });
    return {
      db: db as unknown as Db,
      engine: 'postgres',
      transaction: async (fn) =>
        (await client.begin((tx) =>
          fn(async (text, params = []) => {
            const result = await tx.unsafe(text, params as string[], { prepare: true });
            return { rows: result as unknown as never[], count: result.count ?? result.length };
          }),
        )) as Awaited<ReturnType<typeof fn>>,
      exec: async (text) => {
        await client.unsafe(text);
      },
      close: () => client.end({ timeout: 5 }),
    };
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  const dataDir = opts.dataDir ?? path.join(process.cwd(), '.data', 'pglite');
  let release = () => {};
  if (!dataDir.startsWith('memory://')) {
    mkdirSync(dataDir, { recursive: true });
    release = lockDataDir(dataDir, opts.role ?? `node ${path.basename(process.argv[1] ?? 'process')}`);
  }
  let client: PGliteClient;
  try {
    client = await PGlite.create(dataDir);
  } catch (error) {
    release();
    throw error;
  }
  const db = drizzle({ client, schema, casing: 'snake_case' });
  return {
    db: db as unknown as Db,
    engine: 'pglite',
    transaction: (fn) =>
      client.transaction((tx) =>
        fn(async (text, params = []) => {
          const result = await tx.query<never>(text, params as string[]);
          return { rows: result.rows, count: result.affectedRows || result.rows.length };
        }),
      ),
    exec: async (text) => {
      await client.exec(text);
    },
    close: async () => {
      await client.close();
      release();
    },
  };
}

/** Applies the committed drizzle-kit migrations. */
export async function migrateDatabase(database: Database): Promise<void> {
  if (database.engine === 'pglite') {
    const { migrate } = await import('drizzle-orm/pglite/migrator');
    await migrate(database.db as never, { migrationsFolder: MIGRATIONS_FOLDER });
  } else {
    const { migrate } = await import('drizzle-orm/postgres-js/migrator');
    await migrate(database.db as never, { migrationsFolder: MIGRATIONS_FOLDER });
  }
}

/** Rows of a raw SQL query; postgres.js returns an array, PGlite `{ rows }`. */
export async function selectRows<T extends Record<string, unknown>>(db: Db, query: SQL): Promise<T[]> {
  const result: unknown = await db.execute(query);
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

/**
 * A migrated PostgreSQL database of its own on the server behind `serverUrl`,
 * dropped again on close: tests and benchmarks never see each other's rows.
 */
export async function openScratchPostgres(serverUrl: string, name: string, poolSize = 4): Promise<Database> {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`database name must be [a-z0-9_]: ${name}`);
  const admin = await openDatabase({ url: serverUrl, poolSize: 1 });
  await admin.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.exec(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString(), poolSize });
  await migrateDatabase(database);
  return {
    ...database,
    close: async () => {
      await database.close();
      await admin.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.close();
    },
  };
}
