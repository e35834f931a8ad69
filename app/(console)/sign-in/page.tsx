import { getTranslations } from 'next-intl/server';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { pageTitle } from '~/app/_i18n/page-title';
import { getSessionUser } from '~/server/auth/instance';
import { SignInForm } from './sign-in-form';

export const generateMetadata = pageTitle('signIn');

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const [{ next }, user, t] = await Promise.all([
    searchParams,
    getSessionUser(await headers()),
    getTranslations('signIn'),
  ]);
  if (user) redirect('/');
  return (
    <section className="panel" style={{ maxWidth: 520, margin: '2rem auto' }}>
      <h1>{t('title')}</h1>
      <p className="muted">{t('intro')}</p>
      <SignInForm next={next ?? '/'} />
      <p className="muted">{t('demoHint')}</p>
    </section>
  );
}
