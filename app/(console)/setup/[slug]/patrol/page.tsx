// Patrol step: points placed on the site plan, routes as ordered points with time windows, and
// each route's plans. Staff only: patrol times are never public.
import { getQueryClient, HydrateClient, trpc } from '~/app/_trpc/server';
import { PatrolEditor } from '../../_components/patrol-editor';

export const dynamic = 'force-dynamic';

export default async function PatrolStep({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  await getQueryClient().prefetchQuery(trpc.patrol.setup.queryOptions({ slug }));
  return (
    <HydrateClient>
      <PatrolEditor slug={slug} />
    </HydrateClient>
  );
}
