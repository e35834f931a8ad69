// Thresholds step: the community's alarm thresholds per device class, over the design values.
import { getQueryClient, HydrateClient, trpc } from '~/app/_trpc/server';
import { ThresholdsForm } from '../../_components/thresholds-form';

export const dynamic = 'force-dynamic';

export default async function ThresholdsStep({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  await getQueryClient().prefetchQuery(trpc.onboard.thresholds.queryOptions({ slug }));
  return (
    <HydrateClient>
      <ThresholdsForm slug={slug} />
    </HydrateClient>
  );
}
