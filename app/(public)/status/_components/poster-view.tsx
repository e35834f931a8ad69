// The stairwell poster: a large QR code pointing at the unit's page, drawn as
// SVG on the server by `qrcode`, laid out for an A4 print (public.css).
import { localName, type Locale } from '~/app/_i18n/config';
import { translator } from '../../_lib/i18n';
import type { UnitData } from '../_lib/cached';
import { unitTitle } from './unit-view';

export function PosterView({ u, locale, url, qrSvg }: { u: UnitData; locale: Locale; url: string; qrSvg: string }) {
  const t = translator(locale, 'public.poster');
  const community = localName(u.community, locale);
  return (
    <article className="poster">
      <p className="no-print muted">{t('printHint')}</p>
      <h1>{community}</h1>
      <p className="poster-unit">{unitTitle(u, locale)}</p>
      <div
        className="qr"
        role="img"
        aria-label={t('qrAlt', { url })}
        data-testid="poster-qr"
        dangerouslySetInnerHTML={{ __html: qrSvg }}
      />
      <p className="poster-title">{t('title')}</p>
      <p className="poster-url">{url}</p>
      <p className="muted">{t('lead')}</p>
    </article>
  );
}
