import type { GetServerSideProps, PageConfig } from 'next';
import { PublicShell } from '~/app/(public)/_components/public-shell';
import { param, publicProps, type PublicProps } from '~/app/(public)/_lib/page';
import { loadUnit, type UnitData } from '~/app/(public)/status/_lib/cached';
import { UnitNotFound } from '~/app/(public)/status/_components/unit-not-found';
import { UnitView, unitTitle } from '~/app/(public)/status/_components/unit-view';

// No framework runtime in the browser: see pages/_app.tsx.
export const config: PageConfig = { runtime: 'nodejs', unstable_runtimeJS: false };

type Props = PublicProps<UnitData>;

export const getServerSideProps: GetServerSideProps<Props> = (ctx) =>
  publicProps(ctx, () => loadUnit(param(ctx, 'slug'), param(ctx, 'building'), param(ctx, 'unit')));

export default function UnitStatusPage({ locale, path, data }: Props) {
  if (!data) return <UnitNotFound locale={locale} path={path} />;
  return (
    <PublicShell locale={locale} title={unitTitle(data, locale)} path={path}>
      <UnitView u={data} locale={locale} />
    </PublicShell>
  );
}
