// A failure nobody anticipated (here: a table gone from under a query) reaches
// a production client as one worded sentence, without the SQL drizzle puts in
// its error message; in development the message stays, for whoever debugs.
import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Database } from '~/db/client';
import { recordingPublisher } from '~/test/callers';
import { createTestDatabase } from '~/test/db';

describe('internal errors over HTTP', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase('pglite');
    await database.db.execute(sql`drop table communities cascade`);
    vi.spyOn(console, 'error').mockImplementation(() => {});
  });
  afterEach(() => vi.unstubAllEnvs());
  afterAll(async () => {
    vi.restoreAllMocks();
    await database?.close();
  });

  /** The handler as loaded under the current NODE_ENV (tRPC reads it once, when the router is built). */
  async function listCommunities(locale: 'zh' | 'en') {
    vi.resetModules();
    const { handleTrpcRequest } = await import('./trpc-handler');
    const res = await handleTrpcRequest(new Request('http://test/api/trpc/community.list'), '/api/trpc', () =>
      Promise.resolve({ db: database.db, user: null, live: recordingPublisher(), locale }),
    );
    const body = (await res.json()) as { error: { json: { message: string } } };
    return { status: res.status, message: body.error.json.message, text: JSON.stringify(body) };
  }

  it('words the failure in the reader’s language in production, with no SQL', async () => {
    vi.stubEnv('NODE_ENV', 'production');
    const en = await listCommunities('en');
    expect(en.status).toBe(500);
    expect(en.text).not.toMatch(/select|communities|Failed query/i);
    expect(en.message).toBe(
      'Something went wrong on the server. Please try again; if it persists, tell the administrator.',
    );
    expect((await listCommunities('zh')).message).toMatch(/^服务器出错了/);
  });

  it('keeps the original message outside production', async () => {
    vi.stubEnv('NODE_ENV', 'development');
    expect((await listCommunities('en')).message).toMatch(/communities/);
  });
});
