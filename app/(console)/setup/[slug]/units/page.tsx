import { TRPCError } from '@trpc/server';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { NoRoleHere } from '~/app/_components/ui/no-role-here';
import { signedInMember } from '~/app/_trpc/access';
import { getCaller } from '~/app/_trpc/server';
import { holds } from '~/server/domain/access';
import { UnitsEditor } from './_components/units-editor';

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('setupSite'))('units.pageTitle') };
}

/** Onboarding, units: per building its units, stairwells and rooms. */
export default async function SetupUnitsPage({ params }: Props) {
  const { slug } = await params;
  const me = await signedInMember(`/setup/${slug}/units`);
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
      <h1>{t('units.heading', { name: community.name })}</h1>
      <p className="muted">{t('units.lead')}</p>
      <UnitsEditor slug={slug} />
    </>
  );
}
