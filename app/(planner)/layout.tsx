import { NextIntlClientProvider } from 'next-intl';
import { getTranslations } from 'next-intl/server';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { AppHeader } from '~/app/_components/ui/app-header';
import { TRPCReactProvider } from '~/app/_trpc/client';
import { getSessionUser } from '~/server/auth/instance';

// The planners' surface: the console's header, its own pages. Each page checks
// the session and tier itself (a layout does not re-run on client navigation).
export default async function PlannerLayout({ children }: { children: React.ReactNode }) {
  // An account holding an admin's one-time password changes it before anything else.
  if ((await getSessionUser(await headers()))?.mustChangePassword) redirect('/account/password');
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
