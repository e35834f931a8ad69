'use server';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { safeNext } from '~/lib/safe-next';
import { recordAccountEvent } from '~/server/auth/audit';
import { getAuth, getSessionUser } from '~/server/auth/instance';
import { signInLimiter, signInWithPassword } from '~/server/auth/sign-in-guard';
import { getDb } from '~/server/db';
import { clientAddress } from '~/server/http/client-address';

export type SignInState = { error?: 'credentials' | 'invalid' | 'limited'; minutes?: number; email?: string };

const signInInput = z.object({
  email: z.string().trim().email(),
  password: z.string().min(1).max(200),
  next: z.string().optional(),
});

/** Signs in through the same guard as the HTTP endpoint (server/auth/sign-in-guard.ts). */
export async function signIn(_prev: SignInState, formData: FormData): Promise<SignInState> {
  const parsed = signInInput.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { error: 'invalid', email: String(formData.get('email') ?? '') };
  const [auth, db] = await Promise.all([getAuth(), getDb()]);
  const { email, password } = parsed.data;
  const outcome = await signInWithPassword(auth, db, signInLimiter(), { email, password, headers: await headers() });
  if (!outcome.ok)
    return outcome.reason === 'limited'
      ? { error: 'limited', minutes: Math.ceil(outcome.retryAfterS / 60), email }
      : { error: 'credentials', email };
  redirect(safeNext(parsed.data.next));
}

export async function signOut() {
  const h = await headers();
  const [auth, db, user] = await Promise.all([getAuth(), getDb(), getSessionUser(h)]);
  await auth.api.signOut({ headers: h });
  if (user)
    await recordAccountEvent(db, {
      kind: 'sign_out',
      actor: user.email,
      subjectEmail: user.email,
      subjectUserId: user.id,
      clientAddress: clientAddress(h),
    });
  redirect('/sign-in');
}
