// Kiosk links: a revocable, read-only way for an unattended big screen to
// open without anyone signing in. The secret travels once in the link; the
// browser keeps it in an httpOnly cookie scoped to /screen, and the database
// keeps only its SHA-256, so neither a log of URLs after the first visit nor
// a copy of the database can open a screen.
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '~/db/client';
import { communities, kioskLinks } from '~/db/schema';

export const KIOSK_COOKIE = 'linli_kiosk';
/** The screen's own API lives under /screen, so the path-scoped cookie reaches it. */
export const KIOSK_COOKIE_PATH = '/screen';
export const SCREEN_TRPC_ENDPOINT = '/screen/api/trpc';

export const hashSecret = (secret: string) => createHash('sha256').update(secret).digest('hex');

export type Kiosk = { linkId: number; communityId: number | null; slug: string | null };

export async function createKioskLink(db: Db, opts: { communityId: number | null; label: string; createdBy: string }) {
  const secret = randomBytes(24).toString('base64url');
  const [row] = await db
    .insert(kioskLinks)
    .values({
      communityId: opts.communityId,
      label: opts.label,
      createdBy: opts.createdBy,
      secretHash: hashSecret(secret),
    })
    .returning({ id: kioskLinks.id });
  return { id: row!.id, secret };
}

async function findLive(db: Db, secret: string) {
  if (!/^[A-Za-z0-9_-]{16,64}$/.test(secret)) return null;
  const [row] = await db
    .select({
      id: kioskLinks.id,
      communityId: kioskLinks.communityId,
      label: kioskLinks.label,
      usedAt: kioskLinks.usedAt,
      seenAt: kioskLinks.updatedAt,
      slug: communities.slug,
    })
    .from(kioskLinks)
    .leftJoin(communities, eq(communities.id, kioskLinks.communityId))
    .where(and(eq(kioskLinks.secretHash, hashSecret(secret)), isNull(kioskLinks.revokedAt)));
  return row ?? null;
}

/**
 * What the page a link opens shows before anyone redeems it: the link's label while it
 * can still be redeemed, else null. Reading it marks nothing (a chat app's preview reads it too).
 */
export async function unusedKioskLink(db: Db, secret: string): Promise<{ label: string } | null> {
  const row = await findLive(db, secret);
  return row && !row.usedAt ? { label: row.label } : null;
}

/**
 * Opens a link: works once (a link forwarded later, or read from history,
 * is refused); the conditional update makes two racing first visits yield one winner.
 */
export async function redeemKioskLink(db: Db, secret: string): Promise<Kiosk | null> {
  const row = await findLive(db, secret);
  if (!row || row.usedAt) return null;
  const claimed = await db
    .update(kioskLinks)
    .set({ usedAt: new Date() })
    .where(and(eq(kioskLinks.id, row.id), isNull(kioskLinks.usedAt)))
    .returning({ id: kioskLinks.id });
  return claimed.length ? { linkId: row.id, communityId: row.communityId, slug: row.slug } : null;
}

/** How stale a link's "last seen" may get before a screen's request refreshes it. */
export const KIOSK_SEEN_EVERY_MS = 5 * 60_000;

/**
 * The kiosk a cookie names, while its link is not revoked. A live screen
 * refreshes its link's updated_at (shown to admins as "last seen") at most
 * every KIOSK_SEEN_EVERY_MS, so its polling writes one row every few minutes.
 */
export async function kioskFromCookie(db: Db, secret: string | undefined): Promise<Kiosk | null> {
  if (!secret) return null;
  const row = await findLive(db, secret);
  if (!row?.usedAt) return null;
  if (Date.now() - new Date(row.seenAt).getTime() > KIOSK_SEEN_EVERY_MS) {
    await db
      .update(kioskLinks)
      .set({ updatedAt: new Date() })
      .where(and(eq(kioskLinks.id, row.id), isNull(kioskLinks.revokedAt)));
  }
  return { linkId: row.id, communityId: row.communityId, slug: row.slug };
}

/** Whether a screen's link still stands (not revoked): an open live stream asks every few seconds. */
export async function kioskLinkStands(db: Db, linkId: number): Promise<boolean> {
  const [row] = await db
    .select({ id: kioskLinks.id })
    .from(kioskLinks)
    .where(and(eq(kioskLinks.id, linkId), isNull(kioskLinks.revokedAt)));
  return row !== undefined;
}

export function readCookie(header: string | null, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return undefined;
}
