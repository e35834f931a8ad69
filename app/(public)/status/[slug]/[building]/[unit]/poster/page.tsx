// The stairwell poster: a large QR code pointing at this unit's page, drawn
// as SVG on the server by `qrcode`, laid out for an A4 print (public.css).
import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { getLocale, getTranslations } from 'next-intl/server';
import QRCode from 'qrcode';
import { formatters } from '../../../../_components/format';
import { loadUnit } from '../../../../_lib/cached';

type Props = { params: Promise<{ slug: string; building: string; unit: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, building, unit } = await params;
  const u = await loadUnit(slug, building, unit);
  return { title: `${u.building.name} ${u.unit.name} · QR` };
}

/** The address residents scan: the origin this page was requested on (behind a proxy, the forwarded one). */
async function origin(): Promise<string> {
  const h = await headers();
  const host = h.get('x-forwarded-host') ?? h.get('host') ?? 'localhost';
  const proto = h.get('x-forwarded-proto') ?? (host.startsWith('localhost') || host.startsWith('127.') ? 'http' : 'https');
  return `${proto.split(',')[0]}://${host.split(',')[0]}`;
}

export default async function UnitPosterPage({ params }: Props) {
  const { slug, building, unit } = await params;
  const [u, t, tu, locale, base] = await Promise.all([loadUnit(slug, building, unit), getTranslations('public.poster'), getTranslations('public.unit'), getLocale(), origin()]);
  const url = `${base}/status/${u.community.slug}/${encodeURIComponent(u.building.number)}/${u.unit.ordinal}`;
  // Error correction M survives a scuffed or partly covered print.
  const svg = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2, color: { dark: '#000000', light: '#ffffff' } });
  const community = locale === 'zh' ? u.community.name : u.community.nameEn;
  return (
    <article className="poster">
      <p className="no-print muted">{t('printHint')}</p>
      <h1>{community}</h1>
      <p className="poster-unit">{tu('title', { building: formatters(locale).building(u.building), unit: formatters(locale).unit(u.unit) })}</p>
      <div className="qr" role="img" aria-label={t('qrAlt', { url })} data-testid="poster-qr" dangerouslySetInnerHTML={{ __html: svg }} />
      <p className="poster-title">{t('title')}</p>
      <p className="poster-url">{url}</p>
      <p className="muted">{t('lead')}</p>
    </article>
  );
}
