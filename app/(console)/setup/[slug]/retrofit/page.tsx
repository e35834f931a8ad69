// Retrofit step: open an elevator-retrofit case for any unit, and set each case's cost inputs,
// subsidy rule, floor coefficients, consent rule and publicity length.
import { getQueryClient, HydrateClient, trpc } from '~/app/_trpc/server';
import { RetrofitEditor } from '../../_components/retrofit-editor';

export const dynamic = 'force-dynamic';

export default async function RetrofitStep({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  await getQueryClient().prefetchQuery(trpc.retrofit.setup.queryOptions({ slug }));
  return (
    <HydrateClient>
      <RetrofitEditor slug={slug} />
    </HydrateClient>
  );
}
