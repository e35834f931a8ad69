// The onboarding wizard's start (docs/ONBOARDING.md): the communities the caller may set up (staff
// tier) with how far each has come, and 新建社区 for admins and district accounts.
import { getLocale, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { localName } from '~/app/_i18n/config';
import { signedInMember } from '~/app/_trpc/access';
import { getCaller } from '~/app/_trpc/server';
import { STEPS, stepDone } from './steps';
import styles from './setup.module.css';

export async function generateMetadata() {
  return { title: (await getTranslations('setup'))('title') };
}
export const dynamic = 'force-dynamic';

export default async function SetupHome() {
  const me = await signedInMember('/setup');
  const [t, locale, caller] = await Promise.all([getTranslations('setup'), getLocale(), getCaller()]);
  const founding = await caller.onboard.founding();
  const mayFound = founding.anyStreet || founding.streets.length > 0;
  const mine = me.standing.communities.filter((c) => c.tiers.includes('staff'));
  const rows = await Promise.all(
    mine.map(async (c) => ({ ...c, progress: await caller.onboard.progress({ slug: c.slug }) })),
  );
  return (
    <div className={styles.page}>
      <h1>{t('title')}</h1>
      <p className="muted">{t('lead')}</p>
      {mayFound && (
        <p>
          <Link className="button primary" href="/setup/new" data-testid="setup-new">
            {t('newCommunity')}
          </Link>
        </p>
      )}
      {rows.length === 0 ? (
        <p className="notice">{mayFound ? t('noneYet') : t('noneHere')}</p>
      ) : (
        <div className="table-scroll">
          <table data-testid="setup-communities">
            <thead>
              <tr>
                <th scope="col">{t('colCommunity')}</th>
                <th scope="col">{t('colProgress')}</th>
                <th scope="col">{t('colCounts')}</th>
                <th scope="col" />
              </tr>
            </thead>
            <tbody>
              {rows.map((c) => {
                const done = STEPS.filter((s) => stepDone(s, c.progress) === true).length;
                return (
                  <tr key={c.slug}>
                    <td>{localName(c, locale)}</td>
                    <td>{t('stepsDone', { done, total: STEPS.length })}</td>
                    <td className="small">
                      {t('counts', {
                        buildings: c.progress.buildings,
                        households: c.progress.households,
                        devices: c.progress.devices,
                      })}
                    </td>
                    <td>
                      <Link href={`/setup/${c.slug}`}>{t('open')}</Link>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
