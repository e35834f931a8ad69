import { bigint, bigserial, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { communities } from './community';

/**
 * Live frames: every change of the last ≤ 100 ms in one community, as sent to
 * subscribers. `seq` comes from one database sequence, so every app instance
 * agrees on the order and a client that reconnects — even to another
 * instance, or after a restart — is sent exactly the frames after its last id.
 * Old frames are trimmed (LIVE_RETENTION_SECONDS); a client older than that
 * gets a fresh snapshot instead.
 */
export const liveFrames = pgTable(
  'live_frames',
  {
    seq: bigserial({ mode: 'number' }).primaryKey(),
    communityId: integer()
      .notNull()
      .references(() => communities.id, { onDelete: 'cascade' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    payload: jsonb().$type<Record<string, unknown>>().notNull(),
  },
  (t) => [index().on(t.communityId, t.seq), index().on(t.createdAt)],
);
export type LiveFrameRow = typeof liveFrames.$inferSelect;

/**
 * Input the ingest refused after it had already been accepted by a transport
 * that cannot answer with an error (an MQTT PUBACK carries no reason in 3.1.1):
 * kept with the reason and an excerpt so staff can see what a device sends.
 */
export const deadLetters = pgTable(
  'dead_letters',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    receivedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** 'mqtt' or 'http'. */
    source: text().notNull(),
    /** The authenticated device's code, when there was one. */
    deviceCode: text(),
    topic: text(),
    reason: text().notNull(),
    /** The first bytes of the payload, as text. */
    excerpt: text().notNull(),
  },
  (t) => [index().on(t.receivedAt)],
);
export type DeadLetter = typeof deadLetters.$inferSelect;
