import type { GetServerSideProps, PageConfig } from 'next';
import { PublicNotFound, PublicShell } from '~/app/(public)/_components/public-shell';
import { translator } from '~/app/(public)/_lib/i18n';
import { param, publicProps, type PublicProps } from '~/app/(public)/_lib/page';
import {
  ReportFormView,
  reportTitle,
  type ReportPlaces,
  type ReportWhere,
} from '~/app/(public)/report/_components/report-form-view';
import { getDb } from '~/server/db';
import { REPORT_CATEGORIES, reportPlaces } from '~/server/ops/resident-report';

// No framework runtime in the browser: see pages/_app.tsx.
export const config: PageConfig = { runtime: 'nodejs', unstable_runtimeJS: false };

type Props = PublicProps<{ slug: string; places: ReportPlaces; where: ReportWhere; invalid: boolean }>;

export const getServerSideProps: GetServerSideProps<Props> = (ctx) =>
  publicProps(ctx, async () => {
    const slug = param(ctx, 'slug');
    if (!/^[a-z0-9-]{1,64}$/.test(slug)) return null;
    const places = await reportPlaces(await getDb(), slug);
    const building = Number(ctx.query.building);
    const area = typeof ctx.query.area === 'string' ? ctx.query.area : null;
    const where: ReportWhere = Number.isInteger(building) && building > 0 ? { building } : area ? { area } : null;
    return (
      places && {
        slug,
        places: { ...places, categories: REPORT_CATEGORIES },
        where,
        invalid: ctx.query.error === 'invalid',
      }
    );
  });

export default function ReportPage({ locale, path, data }: Props) {
  if (!data)
    return <PublicNotFound locale={locale} path={path} message={translator(locale, 'public.notFound')('community')} />;
  return (
    <PublicShell locale={locale} title={reportTitle(data.places, locale)} path={path}>
      <ReportFormView slug={data.slug} places={data.places} where={data.where} invalid={data.invalid} locale={locale} />
    </PublicShell>
  );
}
