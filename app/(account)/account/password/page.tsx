import { getTranslations } from 'next-intl/server';
import { redirect } from 'next/navigation';
import { getMe } from '~/app/_trpc/access';
import { MIN_PASSWORD_LENGTH } from '~/server/auth';
import { PasswordForm } from './password-form';

export async function generateMetadata() {
  return { title: (await getTranslations('password'))('title') };
}
export const dynamic = 'force-dynamic';

/** One's own password; where an account signed in with a one-time password is kept until it changes it. */
export default async function PasswordPage() {
  const me = await getMe();
  if (!me) redirect('/sign-in?next=/account/password');
  const t = await getTranslations('password');
  return (
    <section className="panel" style={{ maxWidth: 520, margin: '2rem auto' }}>
      <h1>{t('title')}</h1>
      {me.mustChangePassword && (
        <p className="notice" data-testid="password-forced">
          {t('forced')}
        </p>
      )}
      <PasswordForm min={MIN_PASSWORD_LENGTH} />
    </section>
  );
}
