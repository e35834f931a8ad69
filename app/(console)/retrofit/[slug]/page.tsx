import { TRPCError } from '@trpc/server';
import { getTranslations } from 'next-intl/server';
import { headers } from 'next/headers';
import { notFound, redirect } from 'next/navigation';
import { Suspense } from 'react';
import { pageTitle } from '~/app/_i18n/page-title';
import { getCaller, getQueryClient, HydrateClient, trpc } from '~/app/_trpc/server';
import { getSessionUser } from '~/server/auth/instance';
import { PipelineSkeleton } from './_components/pipeline-skeleton';
import { PipelineView } from './_components/pipeline-view';

type Props = { params: Promise<{ slug: string }> };

export const generateMetadata = pageTitle('retrofit');

export default async function RetrofitPipelinePage({ params }: Props) {
  const { slug } = await params;
  const user = await getSessionUser(await headers());
  if (!user) redirect(`/sign-in?next=/retrofit/${slug}`);
  const t = await getTranslations('retrofit');
  if (user.role === 'resident') return <p className="notice">{t('forbidden')}</p>;
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
        <PipelineView slug={slug} canEdit={user.role === 'staff' || user.role === 'admin'} />
      </Suspense>
    </HydrateClient>
  );
}
