// Every step page of a community's onboarding sits under this: the community's name and the step
// navigation with each step done or to do (onboard.progress). Staff of the community only; the
// procedures refuse anyone else anyway (server/trpc.ts).
import { getLocale, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { NoRoleHere } from '~/app/_components/ui/no-role-here';
import { localName } from '~/app/_i18n/config';
import { signedInMember } from '~/app/_trpc/access';
import { getCaller } from '~/app/_trpc/server';
import { holds } from '~/server/domain/access';
import { StepNav } from '../_components/step-nav';
import styles from '../setup.module.css';

export default async function SetupCommunityLayout({
  children,
  params,
}: {
  children: React.ReactNode;
  params: Promise<{ slug: string }>;
}) {
  const { slug } = await params;
  const me = await signedInMember(`/setup/${slug}`);
  if (!holds(me.standing, slug, 'staff')) return <NoRoleHere need="staff" />;
  const [t, locale, caller] = await Promise.all([getTranslations('setup'), getLocale(), getCaller()]);
  const [community, progress] = await Promise.all([
    caller.onboard.settings({ slug }),
    caller.onboard.progress({ slug }),
  ]);
  return (
    <div className={styles.page}>
      <p className="small">
        <Link href="/setup">{t('title')}</Link> ›
      </p>
      <h1>{t('communityTitle', { name: localName(community, locale) })}</h1>
      <StepNav slug={slug} progress={{ ...progress, thresholds: Object.keys(community.thresholds).length }} />
      {children}
    </div>
  );
}
