// The database a command-line tool opens: the one the app would open (PostgreSQL at
// DATABASE_URL, else the PGlite folder PGLITE_DIR, .data/pglite), migrated. Stop the app
// first when it uses the same PGlite folder: two processes on one folder silently diverge.
import path from 'node:path';
import { migrateDatabase, openDatabase, type Database } from './client';

export async function openCliDatabase(): Promise<Database> {
  const url = process.env.DATABASE_URL || undefined;
  const dataDir = process.env.PGLITE_DIR || '.data/pglite';
  const database = await openDatabase(url ? { url } : { dataDir: path.resolve(dataDir) });
  console.log(`database: ${url ? 'PostgreSQL at DATABASE_URL' : `PGlite in ${dataDir}`}`);
  await migrateDatabase(database);
  return database;
}
