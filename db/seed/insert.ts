// Batched inserts. One statement per ~1,000 rows keeps every batch well under
// PostgreSQL's 65,535 bind parameters while paying the round trip rarely.
import { getTableColumns, getTableName } from 'drizzle-orm';
import type { PgInsertValue, PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../client';

const CHUNK = 1000;

export type Seeder = {
  db: Db;
  /** created_at/updated_at of seeded rows: fixed, so two seeds are identical. */
  stamp: Date;
  /** Rows written, by table. */
  counts: Map<string, number>;
};

function stamped<T extends PgTable>(seeder: Seeder, table: T, rows: PgInsertValue<T>[]): PgInsertValue<T>[] {
  const columns = getTableColumns(table);
  if (!('createdAt' in columns)) return rows;
  const stamp = { createdAt: seeder.stamp, updatedAt: seeder.stamp };
  return rows.map((row) => ({ ...stamp, ...row }));
}

function count(seeder: Seeder, table: PgTable, n: number): void {
  const name = getTableName(table);
  seeder.counts.set(name, (seeder.counts.get(name) ?? 0) + n);
}

export async function insertAll<T extends PgTable>(seeder: Seeder, table: T, rows: PgInsertValue<T>[]): Promise<void> {
  const values = stamped(seeder, table, rows);
  for (let i = 0; i < values.length; i += CHUNK) {
    await seeder.db.insert(table).values(values.slice(i, i + CHUNK));
  }
  count(seeder, table, rows.length);
}

/**
 * Inserts rows and returns their generated ids in the order given: PostgreSQL
 * returns the rows of a multi-row VALUES insert in that order, and identity
 * values are drawn in the same order.
 */
export async function insertIds<T extends PgTable & { id: PgTable['_']['columns'][string] }>(
  seeder: Seeder,
  table: T,
  rows: PgInsertValue<T>[],
): Promise<number[]> {
  const values = stamped(seeder, table, rows);
  const ids: number[] = [];
  for (let i = 0; i < values.length; i += CHUNK) {
    const got = await seeder.db
      .insert(table)
      .values(values.slice(i, i + CHUNK))
      .returning({ id: table.id });
    for (const row of got) ids.push(row.id as number);
  }
  if (ids.length !== rows.length) throw new Error(`expected ${rows.length} ids, got ${ids.length}`);
  count(seeder, table, rows.length);
  return ids;
}
