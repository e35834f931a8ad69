// Kiosk links through the admin procedures and the cookie check: a link
// opens once, a screen using it refreshes "last seen" (at most every few
// minutes), revoking shuts it out and is idempotent.
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '~/db/client';
import { kioskLinks } from '~/db/schema';
import { callerAs, createSeededDatabase, type Caller } from '~/test/callers';
import { testEngines } from '~/test/db';
import { kioskFromCookie, redeemKioskLink } from '../kiosk/links';

describe.each(testEngines)('kiosk links on %s', (engine) => {
  let database: Database;
  let admin: Caller;
  beforeAll(async () => {
    database = await createSeededDatabase(engine);
    admin = await callerAs(database.db, 'admin');
  });
  afterAll(() => database?.close());

  const row = async (id: number) => (await admin.kiosk.list()).find((l) => l.id === id)!;

  it('lists a link with its screen, first opened and last seen, and shuts it out once revoked', async () => {
    const link = await admin.kiosk.create({ slug: 'jinghu', label: '指挥中心 1 号屏' });
    const secret = link.path.split('/').at(-1)!;
    const fresh = await row(link.id);
    expect(fresh).toMatchObject({
      slug: 'jinghu',
      communityName: '荆胡智慧社区',
      label: '指挥中心 1 号屏',
      usedAt: null,
      revokedAt: null,
      lastSeenAt: null,
    });

    expect(await redeemKioskLink(database.db, secret)).toMatchObject({ slug: 'jinghu' });
    expect(await redeemKioskLink(database.db, secret)).toBeNull();
    const opened = await row(link.id);
    expect(opened.usedAt).toBeInstanceOf(Date);
    expect(opened.lastSeenAt).toBeInstanceOf(Date);

    // A screen an hour later: its request refreshes last seen.
    await database.db
      .update(kioskLinks)
      .set({ updatedAt: sql`now() - interval '1 hour'` })
      .where(eq(kioskLinks.id, link.id));
    const stale = (await row(link.id)).lastSeenAt!;
    expect(await kioskFromCookie(database.db, secret)).toMatchObject({ linkId: link.id });
    const seen = (await row(link.id)).lastSeenAt!;
    expect(seen.getTime() - stale.getTime()).toBeGreaterThan(50 * 60_000);
    // A minute later it does not write again.
    expect(await kioskFromCookie(database.db, secret)).not.toBeNull();
    expect((await row(link.id)).lastSeenAt).toEqual(seen);

    expect(await admin.kiosk.revoke({ id: link.id })).toEqual({ revoked: 1 });
    const revoked = await row(link.id);
    expect(revoked.revokedAt).toBeInstanceOf(Date);
    expect(revoked.lastSeenAt).toEqual(seen);
    expect(await kioskFromCookie(database.db, secret)).toBeNull();
    // Revoking again changes nothing.
    expect(await admin.kiosk.revoke({ id: link.id })).toEqual({ revoked: 0 });
    expect((await row(link.id)).revokedAt).toEqual(revoked.revokedAt);
  });

  it('makes a district link without a community, and refuses an unknown one', async () => {
    const link = await admin.kiosk.create({ label: '区级大屏' });
    expect(link.screen).toBe('/screen/district');
    expect(await row(link.id)).toMatchObject({ slug: null, communityName: null });
    await expect(admin.kiosk.create({ slug: 'no-such-place', label: 'x' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
