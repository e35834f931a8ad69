// Thresholds step: the community's alarm thresholds per device class, over the design values,
// and its alarm response targets per severity (how soon the ops desk expects an acknowledgement).
import { getQueryClient, HydrateClient, trpc } from '~/app/_trpc/server';
import { ThresholdsForm } from '../../_components/thresholds-form';
import { ResponseTargetsForm } from './_components/response-targets-form';

export const dynamic = 'force-dynamic';

export default async function ThresholdsStep({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const queryClient = getQueryClient();
  await Promise.all([
    queryClient.prefetchQuery(trpc.onboard.thresholds.queryOptions({ slug })),
    queryClient.prefetchQuery(trpc.alarm.responseTargets.queryOptions({ slug })),
  ]);
  return (
    <HydrateClient>
      <ThresholdsForm slug={slug} />
      <ResponseTargetsForm slug={slug} />
    </HydrateClient>
  );
}
