import { getLocale, getTranslations } from 'next-intl/server';
import { headers } from 'next/headers';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { Suspense } from 'react';
import { localName } from '~/app/_i18n/config';
import { LiveProvider } from '~/app/_live/live-provider';
import { LiveSummary } from '~/app/_live/live-summary';
import { getCaller, HydrateClient, getQueryClient, trpc } from '~/app/_trpc/server';
import { getSessionUser } from '~/server/auth/instance';
import { CommunityList } from './_components/community-list';
import { CommunityListSkeleton } from './_components/community-list-skeleton';

export default async function ConsoleHome() {
  const user = await getSessionUser(await headers());
  if (!user) redirect('/sign-in?next=/');
  const [t, locale] = await Promise.all([getTranslations('console'), getLocale()]);

  if (user.role === 'resident') {
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
  return (
    <>
      <h1>{t('title')}</h1>
      {(user.role === 'staff' || user.role === 'admin') && (
        <LiveProvider>
          <LiveSummary />
        </LiveProvider>
      )}
      <HydrateClient>
        <Suspense fallback={<CommunityListSkeleton />}>
          <CommunityList />
        </Suspense>
      </HydrateClient>
    </>
  );
}
