import { NextIntlClientProvider } from 'next-intl';
import { getTranslations } from 'next-intl/server';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { AppHeader } from '~/app/_components/ui/app-header';
import { TRPCReactProvider } from '~/app/_trpc/client';
import { getSessionUser } from '~/server/auth/instance';

export default async function ConsoleLayout({ children }: { children: React.ReactNode }) {
  // An account holding an admin's one-time password changes it before anything else.
  if ((await getSessionUser(await headers()))?.mustChangePassword) redirect('/account/password');
  const t = await getTranslations();
  return (
    <NextIntlClientProvider>
      <TRPCReactProvider>
        <a className="skip-link" href="#main">
          {t('app.skipToContent')}
        </a>
        <AppHeader />
        <main id="main">{children}</main>
      </TRPCReactProvider>
    </NextIntlClientProvider>
  );
}
