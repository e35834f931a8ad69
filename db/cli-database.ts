// The database a command-line tool opens: the one the app would open (PostgreSQL at
// DATABASE_URL, else the PGlite folder PGLITE_DIR, .data/pglite), migrated. A PGlite folder
// the running app holds is refused (db/data-dir-lock.ts): two processes on one folder
// silently diverge.
import path from 'node:path';
import { migrateDatabase, openDatabase, type Database } from './client';

export async function openCliDatabase(opts: { quiet?: boolean } = {}): Promise<Database> {
  const url = process.env.DATABASE_URL || undefined;
  const dataDir = process.env.PGLITE_DIR || '.data/pglite';
  const role = `the command ${path.basename(process.argv[1] ?? 'cli')} ${process.argv.slice(2, 4).join(' ')}`.trim();
  const database = await openDatabase(url ? { url } : { dataDir: path.resolve(dataDir), role });
  // Progress goes to stderr, so that a command's --json output on stdout stays one object.
  if (!opts.quiet) console.error(`database: ${url ? 'PostgreSQL at DATABASE_URL' : `PGlite in ${dataDir}`}`);
  await migrateDatabase(database);
  return database;
}
