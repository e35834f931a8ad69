import { NextIntlClientProvider } from 'next-intl';
import { getTranslations } from 'next-intl/server';
import { AppHeader } from '~/app/_components/ui/app-header';

// One's own account (the password change): outside the console's layout, which sends an
// account still holding a one-time password here.
export default async function AccountLayout({ children }: { children: React.ReactNode }) {
  const t = await getTranslations();
  return (
    <NextIntlClientProvider>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <AppHeader />
      <main id="main">{children}</main>
    </NextIntlClientProvider>
  );
}
