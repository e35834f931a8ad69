// Any address Linli does not have (and every notFound() below it): a 404 in the reader's language
// that says so plainly and leads on: residents to their community's public page, staff to the
// console. Next answers it with HTTP 404.
import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { localName } from './_i18n/config';
import { getCaller } from './_trpc/server';
import styles from './not-found.module.css';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('pageNotFound');
  return { title: t('title') };
}

export default async function NotFound() {
  const [t, locale] = [await getTranslations('pageNotFound'), await getLocale()];
  // The public list of communities: names and addresses of their public pages, nothing else.
  const communities = await (await getCaller()).community.list().catch(() => []);
  return (
    <main className={styles.page} data-testid="page-not-found">
      <p className={styles.brand}>{t('brand')}</p>
      <h1>{t('title')}</h1>
      <p>{t('lead')}</p>
      {communities.length > 0 && (
        <section aria-labelledby="residents-title">
          <h2 id="residents-title">{t('residents')}</h2>
          <ul className={styles.links}>
            {communities.map((c) => (
              <li key={c.slug}>
                <a href={`/status/${c.slug}`}>{localName(c, locale)}</a>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="staff-title">
        <h2 id="staff-title">{t('staff')}</h2>
        <ul className={styles.links}>
          <li>
            <a href="/">{t('console')}</a>
          </li>
          <li>
            <a href="/sign-in">{t('signIn')}</a>
          </li>
        </ul>
      </section>
    </main>
  );
}
