import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { Suspense } from 'react';
import { NoRoleHere } from '~/app/_components/ui/no-role-here';
import { getQueryClient, HydrateClient, trpc } from '~/app/_trpc/server';
import { staffOf } from '../../_components/setup-guard';
import { RegisterSkeleton } from '../_register/skeleton';
import { DevicesView } from './devices-view';

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('setupRegister'))('devicesTitle') };
}

export default async function DevicesPage({ params }: Props) {
  const { slug } = await params;
  if (!(await staffOf(slug, `/setup/${slug}/devices`))) return <NoRoleHere need="staff" />;
  const queryClient = getQueryClient();
  void queryClient.prefetchQuery(trpc.device.places.queryOptions({ slug }));
  void queryClient.prefetchQuery(trpc.device.list.queryOptions({ slug, limit: 200 }));
  return (
    <HydrateClient>
      <Suspense fallback={<RegisterSkeleton />}>
        <DevicesView slug={slug} />
      </Suspense>
    </HydrateClient>
  );
}
