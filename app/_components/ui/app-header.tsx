import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { signOut } from '~/app/(console)/actions';
import { getMe } from '~/app/_trpc/access';
import { reachesAny } from '~/server/domain/access';
import { LocaleSwitch } from './locale-switch';

/**
 * The signed-in surfaces' top bar: brand, the pages the account may open (from its standing:
 * server/trpc.ts still decides every call), who is signed in, sign-out and language.
 */
export async function AppHeader({ tagline }: { tagline?: string }) {
  const [t, user] = await Promise.all([getTranslations(), getMe()]);
  const may = (tier: 'viewer' | 'planner') => !!user && !user.mustChangePassword && reachesAny(user.standing, tier);
  const admin = user?.role === 'admin' && !user.mustChangePassword;
  return (
    <header className="topbar">
      <Link href="/" className="brand">
        {t('app.name')}
        <small>{tagline ?? t('app.tagline')}</small>
      </Link>
      <nav aria-label={t('nav.main')}>
        <Link href="/">{t('nav.communities')}</Link>
        {may('planner') && <Link href="/plan">{t('planner.nav')}</Link>}
        {may('viewer') && <Link href="/map">{t('nav.map')}</Link>}
        {may('viewer') && <Link href="/screen/district">{t('nav.district')}</Link>}
        {admin && <Link href="/screens">{t('kiosk.nav')}</Link>}
        {admin && <Link href="/accounts">{t('accounts.nav')}</Link>}
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
