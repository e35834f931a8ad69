import { NextIntlClientProvider } from 'next-intl';
import { getTranslations } from 'next-intl/server';
import { headers } from 'next/headers';
import Link from 'next/link';
import { LocaleSwitch } from '~/app/_components/ui/locale-switch';
import { TRPCReactProvider } from '~/app/_trpc/client';
import { getSessionUser } from '~/server/auth/instance';
import { signOut } from './actions';

export default async function ConsoleLayout({ children }: { children: React.ReactNode }) {
  const [t, user] = await Promise.all([getTranslations(), getSessionUser(await headers())]);
  return (
    <NextIntlClientProvider>
      <TRPCReactProvider>
        <a className="skip-link" href="#main">Skip to content</a>
        <header className="topbar">
          <Link href="/" className="brand">
            {t('app.name')}
            <small>{t('app.tagline')}</small>
          </Link>
          <nav aria-label="主导航 / Main">
            <Link href="/">{t('nav.communities')}</Link>
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
        <main id="main">{children}</main>
      </TRPCReactProvider>
    </NextIntlClientProvider>
  );
}
