import { getTranslations } from 'next-intl/server';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { pageTitle } from '~/app/_i18n/page-title';
import { safeNext } from '~/lib/safe-next';
import { DEMO_PASSWORD } from '~/server/auth/demo-accounts';
import { getSessionUser } from '~/server/auth/instance';
import { env } from '~/server/env';
import { SignInForm } from './sign-in-form';

export const generateMetadata = pageTitle('signIn');

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const [{ next }, user, t] = await Promise.all([
    searchParams,
    getSessionUser(await headers()),
    getTranslations('signIn'),
  ]);
  if (user) redirect('/');
  const target = safeNext(next);
  return (
    <section className="panel" style={{ maxWidth: 520, margin: '2rem auto' }}>
      <h1>{t('title')}</h1>
      {/* Sent here from a page that needs an account: say so, and that they come back to it. */}
      {target !== '/' && (
        <p className="notice" role="status" data-testid="sign-in-reason">
          {t('needed', { page: target })}
        </p>
      )}
      <p className="muted">{t('intro')}</p>
      <SignInForm next={target} />
      {env.SEED_DEMO && <p className="muted">{t('demoHint', { password: DEMO_PASSWORD })}</p>}
    </section>
  );
}
