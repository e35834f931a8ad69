import { getTranslations } from 'next-intl/server';
import { LocaleSwitch } from '~/app/_components/ui/locale-switch';
import './public.css';

// Residents' pages: server-rendered, no client providers, readable without JavaScript.
export default async function PublicLayout({ children }: { children: React.ReactNode }) {
  const t = await getTranslations();
  return (
    <div className="public">
      <a className="skip-link" href="#main">{t('public.skipToContent')}</a>
      <header className="topbar">
        <span className="brand">
          {t('app.name')}
          <small>{t('app.tagline')}</small>
        </span>
        <span className="spacer" />
        <LocaleSwitch />
      </header>
      <main id="main">{children}</main>
      <footer className="site">{t('status.privacy')}</footer>
    </div>
  );
}
