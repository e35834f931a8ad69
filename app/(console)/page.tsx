import { getLocale, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { Suspense } from 'react';
import { localName } from '~/app/_i18n/config';
import { LiveProvider } from '~/app/_live/live-provider';
import { LiveSummary } from '~/app/_live/live-summary';
import { getCaller, HydrateClient, getQueryClient, trpc } from '~/app/_trpc/server';
import { signedInMember } from '~/app/_trpc/access';
import { reachesAny } from '~/server/domain/access';
import { communityPagesFor, mayOpen } from '~/server/domain/pages';
import { CommunityList } from './_components/community-list';
import { CommunityListSkeleton } from './_components/community-list-skeleton';

export default async function ConsoleHome() {
  const me = await signedInMember('/');
  const [t, tSetup, locale] = await Promise.all([getTranslations('console'), getTranslations('setup'), getLocale()]);

  if (!reachesAny(me.standing, 'viewer')) {
    const communities = await (await getCaller()).community.list();
    return (
      <>
        <h1>{t('title')}</h1>
        <p className="notice">{t('residentNotice')}</p>
        <ul>
          {communities.map((c) => (
            <li key={c.slug}>
              <Link href={`/status/${c.slug}`}>{localName(c, locale)}</Link>
            </li>
          ))}
        </ul>
      </>
    );
  }

  void getQueryClient().prefetchQuery(trpc.community.overview.queryOptions());
  // Who may found a community: the same rule /setup/new applies (server/domain/pages.ts 'founder').
  const founds = me.standing.admin || me.standing.communities.some((c) => c.roles?.includes('district'));
  return (
    <>
      <h1>{t('title')}</h1>
      {mayOpen(me.standing, '/setup') && (
        <p className="small" data-testid="console-setup-links">
          <Link href="/setup">{tSetup('nav')}</Link>
          {founds && (
            <>
              {' · '}
              <Link href="/setup/new">{tSetup('newCommunity')}</Link>
            </>
          )}
        </p>
      )}
      {reachesAny(me.standing, 'staff') && (
        <LiveProvider>
          <LiveSummary />
        </LiveProvider>
      )}
      <HydrateClient>
        <Suspense fallback={<CommunityListSkeleton />}>
          <CommunityList
            pages={
              me.standing.admin
                ? 'all'
                : Object.fromEntries(
                    me.standing.communities.map((c) => [c.slug, communityPagesFor(me.standing, c.slug)]),
                  )
            }
            canFound={founds}
          />
        </Suspense>
      </HydrateClient>
    </>
  );
}
