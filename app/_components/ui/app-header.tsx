import { getTranslations } from 'next-intl/server';
import { headers } from 'next/headers';
import Link from 'next/link';
import { signOut } from '~/app/(console)/actions';
import { getSessionUser } from '~/server/auth/instance';
import { LocaleSwitch } from './locale-switch';

/** The signed-in surfaces' top bar: brand, main navigation, who is signed in, sign-out and language. */
export async function AppHeader({ tagline }: { tagline?: string }) {
  const [t, user] = await Promise.all([getTranslations(), getSessionUser(await headers())]);
  return (
    <header className="topbar">
      <Link href="/" className="brand">
        {t('app.name')}
        <small>{tagline ?? t('app.tagline')}</small>
      </Link>
      <nav aria-label={t('nav.main')}>
        <Link href="/">{t('nav.communities')}</Link>
        <Link href="/plan">{t('planner.nav')}</Link>
        <Link href="/map">{t('nav.map')}</Link>
        <Link href="/screen/district">{t('nav.district')}</Link>
        {user?.role === 'admin' && <Link href="/screens">{t('kiosk.nav')}</Link>}
        {user?.role === 'admin' && <Link href="/accounts">{t('accounts.nav')}</Link>}
      </nav>
      <span className="spacer" />
      {user && <span className="who">{t('nav.signedInAs', { name: user.name, role: t(`roles.${user.role}`) })}</span>}
      {user && (
        <form action={signOut}>
          <button type="submit">{t('nav.signOut')}</button>
        </form>
      )}
      <LocaleSwitch />
    </header>
  );
}
