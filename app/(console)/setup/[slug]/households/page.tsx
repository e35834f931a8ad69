import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { Suspense } from 'react';
import { NoRoleHere } from '~/app/_components/ui/no-role-here';
import { getQueryClient, HydrateClient, trpc } from '~/app/_trpc/server';
import { staffOf } from '../../_components/setup-guard';
import { HouseholdsView } from './households-view';
import { RegisterSkeleton } from '../_register/skeleton';

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('setupRegister'))('householdsTitle') };
}

export default async function HouseholdsPage({ params }: Props) {
  const { slug } = await params;
  if (!(await staffOf(slug, `/setup/${slug}/households`))) return <NoRoleHere need="staff" />;
  void getQueryClient().prefetchQuery(trpc.household.list.queryOptions({ slug }));
  return (
    <HydrateClient>
      <Suspense fallback={<RegisterSkeleton />}>
        <HouseholdsView slug={slug} />
      </Suspense>
    </HydrateClient>
  );
}
