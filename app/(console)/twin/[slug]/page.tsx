import { getLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { pageTitle } from '~/app/_i18n/page-title';
import { type Locale, toLocale } from '~/app/_i18n/config';
import { LiveProvider } from '~/app/_live/live-provider';
import { signedInMember } from '~/app/_trpc/access';
import { getCaller } from '~/app/_trpc/server';
import { holds } from '~/server/domain/access';
import { TwinView } from './_components/twin-view';
import { NoRoleHere } from '~/app/_components/ui/no-role-here';

export const generateMetadata = pageTitle('twin');

type Search = { bench?: string; scale?: string; naive?: string; lod?: string; focus?: string; theme?: string };

export default async function TwinPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Search>;
}) {
  const [{ slug }, search] = await Promise.all([params, searchParams]);
  const me = await signedInMember(`/twin/${slug}`);
  if (!holds(me.standing, slug, 'staff')) return <NoRoleHere need="staff" />;
  const community = await (await getCaller()).community.bySlug({ slug }).catch(() => null);
  if (!community) notFound();
  // The community's name is data with a column per language.
  const names: Record<Locale, string> = { zh: community.name, en: community.nameEn };
  const locale = toLocale(await getLocale());
  // Bench mode (npm run bench): continuous frames, ×scale replicated sensors,
  // one mesh per sensor (naive=1), or every sensor as a shaped marker (lod=0).
  const bench =
    search.bench === '1'
      ? {
          scale: Math.min(20, Math.max(1, Number(search.scale) || 1)),
          naive: search.naive === '1',
          lod: search.lod !== '0',
        }
      : null;
  // Bench mode measures rendering alone, without a live stream.
  const m = /^(device|building):(\d{1,9})$/.exec(search.focus ?? '');
  const focus = m ? { kind: m[1] as 'device' | 'building', id: Number(m[2]) } : null;
  // ?theme=dark: the wall's dark scene, for a console shown on a dark wall or a dark room.
  const theme = search.theme === 'dark' ? 'dark' : 'light';
  const view = <TwinView slug={community.slug} name={names[locale]} bench={bench} focus={focus} theme={theme} />;
  return bench ? view : <LiveProvider slug={community.slug}>{view}</LiveProvider>;
}
