'use server';
import { isAPIError } from 'better-auth/api';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getAuth } from '~/server/auth/instance';

export type SignInState = { error?: 'credentials' | 'invalid'; email?: string };

const signInInput = z.object({
  email: z.string().trim().email(),
  password: z.string().min(1).max(200),
  next: z.string().optional(),
});

/** Only same-site paths, so a crafted link cannot bounce a user elsewhere. */
function safeNext(next: string | undefined) {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export async function signIn(_prev: SignInState, formData: FormData): Promise<SignInState> {
  const parsed = signInInput.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { error: 'invalid', email: String(formData.get('email') ?? '') };
  const auth = await getAuth();
  try {
    await auth.api.signInEmail({
      body: { email: parsed.data.email, password: parsed.data.password },
      headers: await headers(),
    });
  } catch (error) {
    // isAPIError, not instanceof: the error class can come from a second copy of the module.
    if (isAPIError(error) && error.statusCode < 500) return { error: 'credentials', email: parsed.data.email };
    throw error;
  }
  redirect(safeNext(parsed.data.next));
}

export async function signOut() {
  const auth = await getAuth();
  await auth.api.signOut({ headers: await headers() });
  redirect('/sign-in');
}
