import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { signOut } from '~/app/(console)/actions';
import { getMe } from '~/app/_trpc/access';
import { sitePagesFor, type SitePage } from '~/server/domain/pages';
import { LocaleSwitch } from './locale-switch';

/** Each cross-community page's label: a message key. */
const LABEL: Record<SitePage, string> = {
  '/': 'nav.communities',
  '/plan': 'planner.nav',
  '/map': 'nav.map',
  '/screen/district': 'nav.district',
  '/setup': 'setup.nav',
  '/screens': 'kiosk.nav',
  '/accounts': 'accounts.nav',
};

/**
 * The signed-in surfaces' top bar: brand, the pages the account may open, who is signed in,
 * sign-out and language. Which pages: server/domain/pages.ts, the table the pages' guards read,
 * so a link appears exactly when its page would open (server/trpc.ts still decides every call).
 * A resident, who has no staff page, is offered their own community's public page instead.
 */
export async function AppHeader({ tagline }: { tagline?: string }) {
  const [t, user] = await Promise.all([getTranslations(), getMe()]);
  const pages: SitePage[] = user && !user.mustChangePassword ? sitePagesFor(user.standing) : [];
  const staffSide = !!user && (user.standing.admin || user.standing.communities.some((c) => c.tiers.length > 0));
  const home = user && !staffSide ? user.standing.communities.find((c) => c.roles?.includes('resident')) : undefined;
  return (
    <header className="topbar">
      <Link href="/" className="brand">
        {t('app.name')}
        <small>{tagline ?? t('app.tagline')}</small>
      </Link>
      <nav aria-label={t('nav.main')} data-testid="main-nav">
        {home ? (
          <Link href={`/status/${home.slug}`}>{t('nav.myCommunity')}</Link>
        ) : (
          (pages.length ? pages : (['/'] as SitePage[])).map((p) => (
            <Link key={p} href={p}>
              {t(LABEL[p])}
            </Link>
          ))
        )}
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
