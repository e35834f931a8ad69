import { NextIntlClientProvider } from 'next-intl';
import { getTranslations } from 'next-intl/server';
import { AppHeader } from '~/app/_components/ui/app-header';
import { TRPCReactProvider } from '~/app/_trpc/client';

// The planners' surface: the console's header, its own pages. Each page checks
// the session and tier itself (a layout does not re-run on client navigation).
export default async function PlannerLayout({ children }: { children: React.ReactNode }) {
  const t = await getTranslations();
  return (
    <NextIntlClientProvider>
      <TRPCReactProvider>
        <a className="skip-link" href="#main">
          {t('app.skipToContent')}
        </a>
        <AppHeader tagline={t('planner.tagline')} />
        <main id="main" className="wide">
          {children}
        </main>
      </TRPCReactProvider>
    </NextIntlClientProvider>
  );
}
