import { TRPCError } from '@trpc/server';
import { notFound } from 'next/navigation';
import { Suspense } from 'react';
import { pageTitle } from '~/app/_i18n/page-title';
import { getCaller, getQueryClient, HydrateClient, trpc } from '~/app/_trpc/server';
import { DEFAULT_COVERAGE } from '~/server/domain/coverage';
import { plannerUser } from '../guard';
import { PlannerSkeleton } from './_components/planner-skeleton';
import { PlannerView } from './_components/planner-view';
import { NoRoleHere } from '~/app/_components/ui/no-role-here';

type Props = { params: Promise<{ slug: string }> };

export const generateMetadata = pageTitle('planner');

export default async function PlannerPage({ params }: Props) {
  const { slug } = await params;
  const { allowed } = await plannerUser(`/plan/${slug}`, slug);
  if (!allowed) return <NoRoleHere need="planner" />;
  try {
    await (await getCaller()).community.bySlug({ slug });
  } catch (error) {
    if (error instanceof TRPCError && (error.code === 'NOT_FOUND' || error.code === 'BAD_REQUEST')) notFound();
    throw error;
  }
  const qc = getQueryClient();
  void qc.prefetchQuery(trpc.planner.units.queryOptions({ slug, settings: DEFAULT_COVERAGE }));
  void qc.prefetchQuery(trpc.planner.scenarios.queryOptions({ slug }));
  return (
    <HydrateClient>
      <Suspense fallback={<PlannerSkeleton />}>
        <PlannerView slug={slug} />
      </Suspense>
    </HydrateClient>
  );
}
