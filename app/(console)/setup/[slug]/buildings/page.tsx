import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { NoRoleHere } from '~/app/_components/ui/no-role-here';
import { setupCommunity } from '../../_components/setup-guard';
import { BuildingTable } from './_components/building-table';
import { FootprintImport } from './_components/footprint-import';

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('setupSite'))('buildings.pageTitle') };
}

/** Onboarding, buildings: a footprint file previewed and written, then the building table. */
export default async function SetupBuildingsPage({ params }: Props) {
  const { slug } = await params;
  const community = await setupCommunity(slug, `/setup/${slug}/buildings`);
  if (!community) return <NoRoleHere need="staff" />;
  const t = await getTranslations('setupSite');
  return (
    <>
      <h2>{t('buildings.heading', { name: community.name })}</h2>
      <p className="muted">{t('buildings.lead')}</p>
      <FootprintImport slug={slug} anchor={[community.anchorLng, community.anchorLat]} />
      <BuildingTable slug={slug} />
    </>
  );
}
