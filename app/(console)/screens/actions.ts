'use server';
// The kiosk admin page's two actions. Both go through the tRPC caller, so the
// admin tier is checked by kiosk.create / kiosk.revoke themselves; a staff
// member or planner who posts here anyway gets FORBIDDEN and changes nothing.
import { TRPCError } from '@trpc/server';
import { revalidatePath } from 'next/cache';
import { headers } from 'next/headers';
import QRCode from 'qrcode';
import { z } from 'zod';
import { getCaller } from '~/app/_trpc/server';
import { env } from '~/server/env';

export type CreateLinkState =
  | { ok: true; id: number; label: string; url: string; screen: string; qrSvg: string }
  | { ok: false; error: 'label' | 'forbidden' | 'notFound' | 'failed'; label?: string; slug?: string }
  | null;

const createInput = z.object({
  slug: z.union([z.literal(''), z.string().regex(/^[a-z0-9-]{1,64}$/)]),
  label: z.string().trim().min(1).max(100),
});

/** The app's own origin as the admin's browser reached it: BETTER_AUTH_URL when set, else the request's host. */
async function origin(): Promise<string> {
  if (env.BETTER_AUTH_URL) return new URL(env.BETTER_AUTH_URL).origin;
  const h = await headers();
  const host = h.get('x-forwarded-host') ?? h.get('host') ?? 'localhost:3000';
  const proto =
    h.get('x-forwarded-proto') ?? (host.startsWith('localhost') || host.startsWith('127.') ? 'http' : 'https');
  return `${proto}://${host}`;
}

function failure(error: unknown): 'forbidden' | 'notFound' | 'failed' {
  if (error instanceof TRPCError)
    return error.code === 'FORBIDDEN' || error.code === 'UNAUTHORIZED'
      ? 'forbidden'
      : error.code === 'NOT_FOUND'
        ? 'notFound'
        : 'failed';
  return 'failed';
}

export async function createLink(_prev: CreateLinkState, form: FormData): Promise<CreateLinkState> {
  const parsed = createInput.safeParse({ slug: form.get('slug') ?? '', label: form.get('label') ?? '' });
  if (!parsed.success)
    return { ok: false, error: 'label', label: String(form.get('label') ?? ''), slug: String(form.get('slug') ?? '') };
  const caller = await getCaller();
  try {
    const link = await caller.kiosk.create({ slug: parsed.data.slug || undefined, label: parsed.data.label });
    const url = `${await origin()}${link.path}`;
    // The secret leaves the server this once, in this answer; the page never stores it.
    const qrSvg = await QRCode.toString(url, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
    revalidatePath('/screens');
    return { ok: true, id: link.id, label: parsed.data.label, url, screen: link.screen, qrSvg };
  } catch (error) {
    return { ok: false, error: failure(error), label: parsed.data.label, slug: parsed.data.slug };
  }
}

export async function revokeLink(form: FormData): Promise<void> {
  const id = z.coerce.number().int().positive().safeParse(form.get('id'));
  if (!id.success) return;
  const caller = await getCaller();
  await caller.kiosk.revoke({ id: id.data });
  revalidatePath('/screens');
}
