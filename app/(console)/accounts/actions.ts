'use server';
// The accounts page's actions, all through the tRPC caller: account.* checks the admin
// tier itself, so anyone else who posts here gets FORBIDDEN and changes nothing.
import { TRPCError } from '@trpc/server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getCaller } from '~/app/_trpc/server';
import { ACCOUNT_ROLES, MEMBERSHIP_ROLES } from '~/db/vocab';

/** The answer to a create or a reset: the one-time password, shown once. */
export type OneTimeState =
  | { ok: true; email: string; password: string }
  | { ok: false; error: 'invalid' | 'place' | 'failed'; message?: string }
  | null;

const placeInput = z.object({ role: z.enum(MEMBERSHIP_ROLES), place: z.string().min(3).max(200) });

/** The form's role and place ("c:<slug>" or "s:<street>") as the API names a membership, or null if they do not fit. */
function membershipOf(role: string, place: string) {
  const parsed = placeInput.safeParse({ role, place });
  if (!parsed.success) return null;
  const [kind, value] = [parsed.data.place.slice(0, 2), parsed.data.place.slice(2)];
  if (parsed.data.role === 'district') return kind === 's:' ? { role: 'district' as const, street: value } : null;
  return kind === 'c:' ? { role: parsed.data.role, slug: value } : null;
}

const message = (error: unknown) => (error instanceof TRPCError ? error.message : String(error));

export async function createAccount(_prev: OneTimeState, form: FormData): Promise<OneTimeState> {
  const input = z
    .object({ name: z.string().trim().min(1).max(100), email: z.string().trim().email(), role: z.enum(ACCOUNT_ROLES) })
    .safeParse(Object.fromEntries(form));
  if (!input.success) return { ok: false, error: 'invalid' };
  const role = String(form.get('membershipRole') ?? '');
  const membership = role ? membershipOf(role, String(form.get('place') ?? '')) : undefined;
  if (membership === null) return { ok: false, error: 'place' };
  try {
    const { password } = await (await getCaller()).account.create({ ...input.data, membership });
    revalidatePath('/accounts');
    return { ok: true, email: input.data.email.toLowerCase(), password };
  } catch (error) {
    return { ok: false, error: 'failed', message: message(error) };
  }
}

export async function resetPassword(_prev: OneTimeState, form: FormData): Promise<OneTimeState> {
  const userId = String(form.get('userId') ?? '');
  try {
    const { password } = await (await getCaller()).account.resetPassword({ userId });
    revalidatePath('/accounts');
    return { ok: true, email: String(form.get('email') ?? ''), password };
  } catch (error) {
    return { ok: false, error: 'failed', message: message(error) };
  }
}

/** Runs a change and comes back to the page, with the refusal's words when there is one. */
async function change(run: (caller: Awaited<ReturnType<typeof getCaller>>) => Promise<unknown>) {
  let notice: string | null = null;
  try {
    await run(await getCaller());
  } catch (error) {
    notice = message(error);
  }
  revalidatePath('/accounts');
  redirect(notice ? `/accounts?notice=${encodeURIComponent(notice)}` : '/accounts');
}

export async function addMembership(form: FormData) {
  const membership = membershipOf(String(form.get('membershipRole') ?? ''), String(form.get('place') ?? ''));
  const userId = String(form.get('userId') ?? '');
  await change((c) =>
    membership ? c.account.addMembership({ userId, membership }) : Promise.reject(new Error('place')),
  );
}

export async function removeMembership(form: FormData) {
  await change((c) => c.account.removeMembership({ id: Number(form.get('id')) }));
}

export async function setDisabled(form: FormData) {
  const userId = String(form.get('userId') ?? '');
  await change((c) => c.account.setDisabled({ userId, disabled: form.get('disabled') === 'true' }));
}
