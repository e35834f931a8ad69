import { TRPCError } from '@trpc/server';
import type { GetServerSideProps, PageConfig } from 'next';
import { PublicNotFound, PublicShell } from '~/app/(public)/_components/public-shell';
import { translator } from '~/app/(public)/_lib/i18n';
import { param, publicProps, type PublicProps } from '~/app/(public)/_lib/page';
import { ReportLookup } from '~/app/(public)/report/_components/report-lookup';
import { ReportStatusView, type ReportStatus } from '~/app/(public)/report/_components/report-status-view';
import { localName } from '~/app/_i18n/config';
import { getDb } from '~/server/db';
import { createCaller } from '~/server/root';
import { appLive } from '~/server/runtime/app-runtime';

// No framework runtime in the browser: see pages/_app.tsx.
export const config: PageConfig = { runtime: 'nodejs', unstable_runtimeJS: false };

type Props = PublicProps<{
  slug: string;
  status: ReportStatus | null;
  community: { name: string; nameEn: string } | null;
  fresh: boolean;
}>;

export const getServerSideProps: GetServerSideProps<Props> = (ctx) =>
  publicProps(ctx, async () => {
    const slug = param(ctx, 'slug');
    // An anonymous caller: only the public-tier `track` answers, with the state and nothing personal.
    const caller = createCaller({ db: await getDb(), user: null, live: appLive });
    const status = await caller.workOrder
      .track({ slug, reference: param(ctx, 'reference') })
      .catch((error: unknown) => {
        if (error instanceof TRPCError && (error.code === 'NOT_FOUND' || error.code === 'BAD_REQUEST')) return null;
        throw error;
      });
    const community = await caller.community.bySlug({ slug }).catch(() => null);
    // An unknown reference in a known community: a 404 with the box to try again.
    if (!community) return null;
    if (!status) ctx.res.statusCode = 404;
    return {
      slug,
      status,
      community: { name: community.name, nameEn: community.nameEn },
      fresh: Boolean(ctx.query.new),
    };
  });

export default function ReportStatusPage({ locale, path, data }: Props) {
  if (!data?.status)
    return (
      <PublicNotFound locale={locale} path={path} message={translator(locale, 'public.notFound')('report')}>
        {data && <ReportLookup slug={data.slug} locale={locale} />}
      </PublicNotFound>
    );
  return (
    <PublicShell locale={locale} title={translator(locale, 'report')('statusTitle')} path={path}>
      <ReportStatusView
        slug={data.slug}
        status={data.status}
        community={localName(data.community!, locale)}
        fresh={data.fresh}
        locale={locale}
      />
    </PublicShell>
  );
}
