import { TRPCError } from '@trpc/server';
import { notFound } from 'next/navigation';
import { Suspense } from 'react';
import { pageTitle } from '~/app/_i18n/page-title';
import { signedInMember } from '~/app/_trpc/access';
import { getCaller, getQueryClient, HydrateClient, trpc } from '~/app/_trpc/server';
import { holds } from '~/server/domain/access';
import { mayOpenIn } from '~/server/domain/pages';
import { PipelineSkeleton } from './_components/pipeline-skeleton';
import { PipelineView } from './_components/pipeline-view';
import { NoRoleHere } from '~/app/_components/ui/no-role-here';

type Props = { params: Promise<{ slug: string }> };

export const generateMetadata = pageTitle('retrofit');

export default async function RetrofitPipelinePage({ params }: Props) {
  const { slug } = await params;
  const me = await signedInMember(`/retrofit/${slug}`);
  if (!mayOpenIn(me.standing, slug, 'retrofit')) return <NoRoleHere need="planner" />;
  try {
    await (await getCaller()).community.bySlug({ slug });
  } catch (error) {
    if (error instanceof TRPCError && (error.code === 'NOT_FOUND' || error.code === 'BAD_REQUEST')) notFound();
    throw error;
  }
  void getQueryClient().prefetchQuery(trpc.retrofit.pipeline.queryOptions({ slug }));
  return (
    <HydrateClient>
      <Suspense fallback={<PipelineSkeleton />}>
        <PipelineView slug={slug} canEdit={holds(me.standing, slug, 'staff')} />
      </Suspense>
    </HydrateClient>
  );
}
