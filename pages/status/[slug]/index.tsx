import type { GetServerSideProps, PageConfig } from 'next';
import { PublicNotFound, PublicShell } from '~/app/(public)/_components/public-shell';
import { translator } from '~/app/(public)/_lib/i18n';
import { param, publicProps, type PublicProps } from '~/app/(public)/_lib/page';
import { loadCommunity, type CommunityData } from '~/app/(public)/status/_lib/cached';
import { CommunityView, communityName } from '~/app/(public)/status/_components/community-view';

// No framework runtime in the browser: see pages/_app.tsx.
export const config: PageConfig = { runtime: 'nodejs', unstable_runtimeJS: false };

type Props = PublicProps<CommunityData>;

export const getServerSideProps: GetServerSideProps<Props> = (ctx) =>
  publicProps(ctx, () => loadCommunity(param(ctx, 'slug')));

export default function CommunityStatusPage({ locale, path, data }: Props) {
  if (!data)
    return <PublicNotFound locale={locale} path={path} message={translator(locale, 'public.notFound')('community')} />;
  return (
    <PublicShell locale={locale} title={communityName(data, locale)} path={path}>
      <CommunityView data={data} locale={locale} />
    </PublicShell>
  );
}
