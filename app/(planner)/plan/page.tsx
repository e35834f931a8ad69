import { getLocale, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { localName } from '~/app/_i18n/config';
import { pageTitle } from '~/app/_i18n/page-title';
import { getCaller } from '~/app/_trpc/server';
import { mayOpenIn } from '~/server/domain/pages';
import { plannerUser } from './guard';

export const generateMetadata = pageTitle('planner');

export default async function PlannerHome() {
  const { me, allowed } = await plannerUser('/plan');
  const [t, locale] = await Promise.all([getTranslations('planner'), getLocale()]);
  if (!allowed) return <p className="notice">{t('forbidden')}</p>;
  // Only the communities it may plan (server/domain/pages.ts), not every one it may see.
  const communities = (await (await getCaller()).community.list()).filter((c) =>
    mayOpenIn(me.standing, c.slug, 'plan'),
  );
  return (
    <>
      <h1>{t('homeTitle')}</h1>
      {communities.length === 0 ? (
        <p className="notice">{t('noCommunities')}</p>
      ) : (
        <ul>
          {communities.map((c) => (
            <li key={c.slug}>
              <Link href={`/plan/${c.slug}`}>{localName(c, locale)}</Link> <span className="muted">· {c.street}</span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
