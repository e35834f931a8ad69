// Database fixtures for tests: every database test runs on PGlite, and on
// PostgreSQL too when TEST_DATABASE_URL is set (CI sets it). Each call gets a
// database of its own — an in-memory PGlite, or a fresh PostgreSQL database
// dropped on close — so test files never see each other's rows.
import { randomBytes } from 'node:crypto';
import { migrateDatabase, openDatabase, openScratchPostgres, type Database, type Engine } from '~/db/client';

export const testEngines: Engine[] = process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

export async function createTestDatabase(engine: Engine): Promise<Database> {
  if (engine === 'pglite') {
    const database = await openDatabase({ dataDir: 'memory://' });
    await migrateDatabase(database);
    return database;
  }
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) throw new Error('TEST_DATABASE_URL is not set');
  return openScratchPostgres(serverUrl, `linli_t_${randomBytes(6).toString('hex')}`);
}
