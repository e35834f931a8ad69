import { getTranslations } from 'next-intl/server';
import { notFound, redirect } from 'next/navigation';
import { pageTitle } from '~/app/_i18n/page-title';
import { LiveProvider } from '~/app/_live/live-provider';
import { CommunityScreen } from '../../_components/screen-view';
import { screenCaller } from '../../_components/screen-access';

export const generateMetadata = pageTitle('screen');
export const dynamic = 'force-dynamic';

export default async function CommunityScreenPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  if (!/^[a-z0-9-]{1,64}$/.test(slug)) notFound();
  const caller = await screenCaller(slug);
  if (!caller) redirect(`/sign-in?next=/screen/${encodeURIComponent(slug)}`);
  const found = await caller.community.bySlug({ slug }).catch(() => null);
  if (!found) notFound();
  const t = await getTranslations('screen');
  return (
    <LiveProvider slug={slug}>
      <h1 hidden>{t('title', { name: found.name })}</h1>
      <CommunityScreen slug={slug} />
    </LiveProvider>
  );
}
