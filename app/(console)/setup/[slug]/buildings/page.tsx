import { TRPCError } from '@trpc/server';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { NoRoleHere } from '~/app/_components/ui/no-role-here';
import { signedInMember } from '~/app/_trpc/access';
import { getCaller } from '~/app/_trpc/server';
import { holds } from '~/server/domain/access';
import { BuildingTable } from './_components/building-table';
import { FootprintImport } from './_components/footprint-import';

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('setupSite'))('buildings.pageTitle') };
}

/** Onboarding, buildings: a footprint file previewed and written, then the building table. */
export default async function SetupBuildingsPage({ params }: Props) {
  const { slug } = await params;
  const me = await signedInMember(`/setup/${slug}/buildings`);
  if (!holds(me.standing, slug, 'staff')) return <NoRoleHere need="staff" />;
  let community;
  try {
    community = await (await getCaller()).onboard.settings({ slug });
  } catch (error) {
    if (error instanceof TRPCError && (error.code === 'NOT_FOUND' || error.code === 'BAD_REQUEST')) notFound();
    throw error;
  }
  const t = await getTranslations('setupSite');
  return (
    <>
      <h1>{t('buildings.heading', { name: community.name })}</h1>
      <p className="muted">{t('buildings.lead')}</p>
      <FootprintImport slug={slug} anchor={[community.anchorLng, community.anchorLat]} />
      <BuildingTable slug={slug} />
    </>
  );
}
