// The frame of every residents' page: skip link, top bar with the language
// switch, the page, and the privacy line. Rendered on the server only.
import Head from 'next/head';
import type { Locale } from '~/app/_i18n/config';
import { LocaleSwitchForm } from '~/app/_components/ui/locale-switch-form';
import { translator } from '../_lib/i18n';

type Props = { locale: Locale; title: string; path: string; children: React.ReactNode };

export function PublicShell({ locale, title, path, children }: Props) {
  const t = translator(locale);
  return (
    <div className="public">
      <Head>
        <title>{t('app.titleTemplate').replace('%s', () => title)}</title>
        <meta name="description" content={t('public.tagline')} />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
      </Head>
      <a className="skip-link" href="#main">
        {t('public.skipToContent')}
      </a>
      <header className="topbar">
        <span className="brand">
          {t('app.name')}
          <small>{t('public.tagline')}</small>
        </span>
        <span className="spacer" />
        <LocaleSwitchForm locale={locale} back={path} label={t('app.switchTo')} title={t('app.switchLabel')} />
      </header>
      <main id="main">{children}</main>
      <footer className="site">{t('status.privacy')}</footer>
    </div>
  );
}

/** What an unknown community, unit or report reference shows, with a 404 status. */
export function PublicNotFound({
  locale,
  message,
  path,
  children,
}: {
  locale: Locale;
  message: string;
  path: string;
  /** Where to go from here (a lookup box to try again, a link onward). */
  children?: React.ReactNode;
}) {
  return (
    <PublicShell locale={locale} title={message} path={path}>
      <p className="notice" data-testid="not-found">
        {message}
      </p>
      {children}
    </PublicShell>
  );
}
