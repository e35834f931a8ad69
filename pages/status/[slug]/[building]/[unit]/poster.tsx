import type { IncomingHttpHeaders } from 'node:http';
import type { GetServerSideProps, PageConfig } from 'next';
import QRCode from 'qrcode';
import { PublicShell } from '~/app/(public)/_components/public-shell';
import { param, publicProps, type PublicProps } from '~/app/(public)/_lib/page';
import { loadUnit, type UnitData } from '~/app/(public)/status/_lib/cached';
import { PosterView } from '~/app/(public)/status/_components/poster-view';
import { UnitNotFound } from '~/app/(public)/status/_components/unit-not-found';
import { isLoopbackUrl } from '~/lib/loopback';
import { env } from '~/server/env';
import { unitPath, unitTitle } from '~/app/(public)/status/_components/unit-view';

// No framework runtime in the browser: see pages/_app.tsx.
export const config: PageConfig = { runtime: 'nodejs', unstable_runtimeJS: false };

type Props = PublicProps<{ u: UnitData; url: string; qrSvg: string | null }>;

/** The address this page was requested on (behind a proxy, the forwarded one). */
function requestOrigin(h: IncomingHttpHeaders): string {
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.split(',')[0]?.trim();
  const host = first(h['x-forwarded-host']) ?? first(h.host) ?? 'localhost';
  const proto =
    first(h['x-forwarded-proto']) ?? (host.startsWith('localhost') || host.startsWith('127.') ? 'http' : 'https');
  return `${proto}://${host}`;
}

export const getServerSideProps: GetServerSideProps<Props> = (ctx) =>
  publicProps(ctx, async () => {
    const u = await loadUnit(param(ctx, 'slug'), param(ctx, 'building'), param(ctx, 'unit'));
    if (!u) return null;
    const url = `${env.PUBLIC_BASE_URL ?? requestOrigin(ctx.req.headers)}${unitPath(u)}`;
    // A poster pointing at this machine itself would send every resident's phone nowhere: not printed.
    if (isLoopbackUrl(url)) return { u, url, qrSvg: null };
    // Error correction M survives a scuffed or partly covered print.
    const qrSvg = await QRCode.toString(url, {
      type: 'svg',
      errorCorrectionLevel: 'M',
      margin: 2,
      color: { dark: '#000000', light: '#ffffff' },
    });
    return { u, url, qrSvg };
  });

export default function UnitPosterPage({ locale, path, data }: Props) {
  if (!data) return <UnitNotFound locale={locale} path={path} />;
  return (
    <PublicShell locale={locale} title={`${unitTitle(data.u, locale)} · QR`} path={path}>
      <PosterView u={data.u} locale={locale} url={data.url} qrSvg={data.qrSvg} />
    </PublicShell>
  );
}
