// Big-screen (kiosk) links, for admins: who may open which screen without
// signing in. Lists every link with its screen, dates and state; creates one
// (its URL and QR code shown once); revokes one after a confirmation. Works
// without JavaScript except the copy button.
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { localName } from '~/app/_i18n/config';
import { pageTitle } from '~/app/_i18n/page-title';
import { getCaller } from '~/app/_trpc/server';
import { getSessionUser } from '~/server/auth/instance';
import { revokeLink } from './actions';
import { CreateLinkForm } from './create-link-form';
import styles from './screens.module.css';

export const generateMetadata = pageTitle('screens');
export const dynamic = 'force-dynamic';

export default async function ScreensPage() {
  const user = await getSessionUser(await headers());
  if (!user) redirect('/sign-in?next=/screens');
  const [t, format, locale] = await Promise.all([getTranslations('kiosk'), getFormatter(), getLocale()]);
  if (user.role !== 'admin')
    return (
      <p className="notice" data-testid="kiosk-forbidden">
        {t('forbidden')}
      </p>
    );
  const caller = await getCaller();
  const [links, communities] = await Promise.all([caller.kiosk.list(), caller.community.list()]);
  const at = (d: Date | null) =>
    d ? (
      <time dateTime={d.toISOString()}>{format.dateTime(d, 'stamp')}</time>
    ) : (
      <span className="muted">{t('never')}</span>
    );
  const name = (c: { name: string; nameEn: string | null }) => localName(c, locale);

  return (
    <div className={styles.page}>
      <h1>{t('title')}</h1>
      <p className="muted">{t('lead')}</p>
      <CreateLinkForm communities={communities.map((c) => ({ slug: c.slug, name: name(c) }))} />
      <section aria-labelledby="kiosk-list">
        <h2 id="kiosk-list">{t('listTitle')}</h2>
        {links.length === 0 ? (
          <p className="muted" data-testid="kiosk-empty">
            {t('empty')}
          </p>
        ) : (
          <div className="table-scroll">
            <table data-testid="kiosk-links">
              <thead>
                <tr>
                  <th>{t('colScreen')}</th>
                  <th>{t('colLabel')}</th>
                  <th>{t('colCreated')}</th>
                  <th>{t('colFirstOpened')}</th>
                  <th>{t('colLastSeen')}</th>
                  <th>{t('colState')}</th>
                  <th>
                    <span className="sr-only">{t('colActions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {links.map((l) => {
                  const state = l.revokedAt ? 'revoked' : l.usedAt ? 'active' : 'unused';
                  return (
                    <tr key={l.id} data-testid={`kiosk-link-${l.id}`} data-state={state}>
                      <td>
                        {l.slug ? name({ name: l.communityName ?? '', nameEn: l.communityNameEn }) : t('district')}
                        <div className={`small muted ${styles.path}`}>
                          {l.slug ? `/screen/${l.slug}` : '/screen/district'}
                        </div>
                      </td>
                      <td className={styles.label}>{l.label}</td>
                      <td className="nowrap">{at(l.createdAt)}</td>
                      <td className="nowrap">{at(l.usedAt)}</td>
                      <td className="nowrap">{at(l.lastSeenAt)}</td>
                      <td className="nowrap">
                        <span className={`badge ${styles[`state-${state}`]}`}>{t(`state.${state}`)}</span>
                        {l.revokedAt && <div className="small muted">{at(l.revokedAt)}</div>}
                      </td>
                      <td className="nowrap">
                        {!l.revokedAt && (
                          // A <details> confirmation: works without JavaScript, and one stray click revokes nothing.
                          <details className={styles.revoke}>
                            <summary>{t('revoke')}</summary>
                            <form action={revokeLink} className={styles.confirm}>
                              <input type="hidden" name="id" value={l.id} />
                              <p>{t('revokeConfirm', { label: l.label })}</p>
                              <button type="submit" className={styles.danger}>
                                {t('revokeYes')}
                              </button>
                            </form>
                          </details>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
