import { getLocale, getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { localName } from '~/app/_i18n/config';
import { pageTitle } from '~/app/_i18n/page-title';
import { LiveProvider } from '~/app/_live/live-provider';
import { signedInMember } from '~/app/_trpc/access';
import { getCaller } from '~/app/_trpc/server';
import { holds } from '~/server/domain/access';
import { OpsDesk } from './_components/ops-desk';
import { PatrolTable } from './_components/summary-tables';
import styles from './ops.module.css';
import { NoRoleHere } from '~/app/_components/ui/no-role-here';

export const generateMetadata = pageTitle('ops');

export default async function OpsPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<{ device?: string | string[] }>;
}) {
  const [{ slug }, query] = await Promise.all([params, searchParams]);
  // The twin's 查看告警 links here with ?device=<code>: the desk shows that device's alarms.
  const device =
    typeof query.device === 'string' && query.device.trim() ? query.device.trim().toUpperCase() : undefined;
  const me = await signedInMember(`/ops/${slug}${device ? `?device=${encodeURIComponent(device)}` : ''}`);
  const t = await getTranslations('ops');
  if (!holds(me.standing, slug, 'staff')) return <NoRoleHere need="staff" />;
  const caller = await getCaller();
  const community = await caller.community.bySlug({ slug }).catch(() => null);
  if (!community) notFound();
  const [patrol, locale] = await Promise.all([caller.patrol.compliance({ slug }), getLocale()]);
  return (
    <LiveProvider slug={community.slug}>
      <div className={styles.ops}>
        <header className={styles.head}>
          <h1>{t('title', { name: localName(community, locale) })}</h1>
          <a href={`/report/${community.slug}`}>{t('reportLink')}</a>
        </header>
        <OpsDesk slug={community.slug} device={device}>
          <PatrolTable rows={patrol.rows} />
        </OpsDesk>
      </div>
    </LiveProvider>
  );
}
