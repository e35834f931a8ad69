import { NextIntlClientProvider } from 'next-intl';
import { getTranslations } from 'next-intl/server';
import { AppHeader } from '~/app/_components/ui/app-header';
import { TRPCReactProvider } from '~/app/_trpc/client';

export default async function ConsoleLayout({ children }: { children: React.ReactNode }) {
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
