// The stairwell poster: a large QR code pointing at the unit's page (at PUBLIC_BASE_URL, the
// address residents reach), drawn as SVG on the server by `qrcode`, with the unit's stage, its
// publicity (公示) period and the committee's contact, laid out for an A4 print (public.css).
// A poster whose address leads back to the server's own machine is refused, not printed.
import { localName, type Locale } from '~/app/_i18n/config';
import { translator } from '../../_lib/i18n';
import type { UnitData } from '../_lib/cached';
import { CommitteeContact } from './committee-contact';
import { formatters } from './format';
import { unitTitle } from './unit-view';

export function PosterView({
  u,
  locale,
  url,
  qrSvg,
}: {
  u: UnitData;
  locale: Locale;
  url: string;
  qrSvg: string | null;
}) {
  const t = translator(locale, 'public.poster');
  const ts = translator(locale, 'retrofit.stages');
  const f = formatters(locale);
  const community = localName(u.community, locale);
  if (!qrSvg)
    return (
      <article className="poster">
        <h1>{community}</h1>
        <p className="poster-unit">{unitTitle(u, locale)}</p>
        <p className="notice" role="alert" data-testid="poster-refused">
          {t('loopback', { url })}
        </p>
      </article>
    );
  const r = u.retrofit;
  return (
    <article className="poster">
      <p className="no-print muted">{t('printHint')}</p>
      <h1>{community}</h1>
      <p className="poster-unit">{unitTitle(u, locale)}</p>
      {r && (
        <p className="poster-stage" data-testid="poster-stage">
          {t('stage', { stage: ts(r.stage) })}
          {r.publicity && (
            <>
              <br />
              {t('publicity', { from: f.date(r.publicity.startsOn), to: f.date(r.publicity.endsOn) })}
            </>
          )}
        </p>
      )}
      <div
        className="qr"
        role="img"
        aria-label={t('qrAlt', { url })}
        data-testid="poster-qr"
        data-url={url}
        dangerouslySetInnerHTML={{ __html: qrSvg }}
      />
      <p className="poster-title">{t('title')}</p>
      <p className="poster-url">{url}</p>
      <p className="muted">{t('lead')}</p>
      <CommitteeContact contact={u.community.contact} locale={locale} />
    </article>
  );
}
