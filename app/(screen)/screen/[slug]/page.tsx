import { getTranslations } from 'next-intl/server';
import { notFound, redirect } from 'next/navigation';
import { pageTitle } from '~/app/_i18n/page-title';
import { LiveProvider } from '~/app/_live/live-provider';
import { CommunityScreen } from '../../_components/screen-view';
import { publicCaller, screenViewer } from '../../_components/screen-access';
import styles from '../../_components/screen.module.css';

export const generateMetadata = pageTitle('screen');
export const dynamic = 'force-dynamic';

export default async function CommunityScreenPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  if (!/^[a-z0-9-]{1,64}$/.test(slug)) notFound();
  const viewer = await screenViewer(slug);
  if (viewer === 'visitor') redirect(`/sign-in?next=/screen/${encodeURIComponent(slug)}`);
  const found = await (await publicCaller()).community.bySlug({ slug }).catch(() => null);
  if (!found) notFound();
  const t = await getTranslations('screen');
  if (viewer === 'refused') return <p className={styles.refused}>{t('notViewer', { name: found.name })}</p>;
  return (
    <LiveProvider slug={slug}>
      <h1 hidden>{t('title', { name: found.name })}</h1>
      <CommunityScreen slug={slug} />
    </LiveProvider>
  );
}
