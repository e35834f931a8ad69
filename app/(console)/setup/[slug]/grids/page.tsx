// Grids step: the community's grids (网格), each over some of its buildings.
import { getQueryClient, HydrateClient, trpc } from '~/app/_trpc/server';
import { GridsEditor } from '../../_components/grids-editor';

export const dynamic = 'force-dynamic';

export default async function GridsStep({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  await getQueryClient().prefetchQuery(trpc.grid.list.queryOptions({ slug }));
  return (
    <HydrateClient>
      <GridsEditor slug={slug} />
    </HydrateClient>
  );
}
