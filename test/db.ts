// Database fixtures for tests: every database test runs on PGlite, and on
// PostgreSQL too when TEST_DATABASE_URL is set (CI sets it). Each call gets a
// database of its own — an in-memory PGlite, or a fresh PostgreSQL database
// dropped on close — so test files never see each other's rows.
import { randomBytes } from 'node:crypto';
import { migrateDatabase, openDatabase, type Database, type Engine } from '~/db/client';

export const testEngines: Engine[] = process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

export async function createTestDatabase(engine: Engine): Promise<Database> {
  if (engine === 'pglite') {
    const database = await openDatabase({ dataDir: 'memory://' });
    await migrateDatabase(database);
    return database;
  }
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error('TEST_DATABASE_URL is not set');
  const name = `linli_t_${randomBytes(6).toString('hex')}`;
  const admin = await openDatabase({ url: adminUrl, poolSize: 1 });
  await admin.exec(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString(), poolSize: 4 });
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
