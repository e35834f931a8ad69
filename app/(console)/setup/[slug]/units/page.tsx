import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { NoRoleHere } from '~/app/_components/ui/no-role-here';
import { setupCommunity } from '../../_components/setup-guard';
import { UnitsEditor } from './_components/units-editor';

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('setupSite'))('units.pageTitle') };
}

/** Onboarding, units: per building its units, stairwells and rooms. */
export default async function SetupUnitsPage({ params }: Props) {
  const { slug } = await params;
  const community = await setupCommunity(slug, `/setup/${slug}/units`);
  if (!community) return <NoRoleHere need="staff" />;
  const t = await getTranslations('setupSite');
  return (
    <>
      <h2>{t('units.heading', { name: community.name })}</h2>
      <p className="muted">{t('units.lead')}</p>
      <UnitsEditor slug={slug} />
    </>
  );
}
