'use server';
import { TRPCError } from '@trpc/server';
import { getCaller } from '~/app/_trpc/server';
import { MIN_PASSWORD_LENGTH } from '~/server/auth';

export type PasswordState = { done?: boolean; error?: 'mismatch' | 'short' | 'failed'; message?: string };

export async function changePassword(_prev: PasswordState, form: FormData): Promise<PasswordState> {
  const field = (k: string) => String(form.get(k) ?? '');
  const [current, next, confirm] = [field('current'), field('next'), field('confirm')];
  if (next !== confirm) return { error: 'mismatch' };
  if (next.length < MIN_PASSWORD_LENGTH) return { error: 'short' };
  try {
    await (await getCaller()).account.changePassword({ current, next });
  } catch (error) {
    if (error instanceof TRPCError) return { error: 'failed', message: error.message };
    throw error;
  }
  // The form leaves with a full page load: the client router still remembers the console's
  // pages as sending this account here.
  return { done: true };
}
