import { NextIntlClientProvider } from 'next-intl';
import { AppHeader } from '~/app/_components/ui/app-header';
import { TRPCReactProvider } from '~/app/_trpc/client';

export default async function ConsoleLayout({ children }: { children: React.ReactNode }) {
  return (
    <NextIntlClientProvider>
      <TRPCReactProvider>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <AppHeader />
        <main id="main">{children}</main>
      </TRPCReactProvider>
    </NextIntlClientProvider>
  );
}
