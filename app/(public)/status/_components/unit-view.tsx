// /status/<slug>/<building>/<unit>: the page the stairwell QR code opens.
import { HTML_LANG, localName, type Locale } from '~/app/_i18n/config';
import { RETROFIT_STAGES, stageIndex } from '~/db/vocab';
import { translator } from '../../_lib/i18n';
import type { UnitData } from '../_lib/cached';
import { CommitteeContact, telHref } from './committee-contact';
import { formatters } from './format';

export function unitTitle(u: UnitData, locale: Locale): string {
  const f = formatters(locale);
  return translator(locale, 'public.unit')('title', { building: f.building(u.building), unit: f.unit(u.unit) });
}

/** The unit's own address, as the poster's QR code and the community page link it. */
export function unitPath(u: UnitData): string {
  return `/status/${u.community.slug}/${encodeURIComponent(u.building.number)}/${u.unit.ordinal}`;
}

export function UnitView({ u, locale }: { u: UnitData; locale: Locale }) {
  const [t, tr, ts] = [
    translator(locale, 'public.unit'),
    translator(locale, 'public.retrofit'),
    translator(locale, 'retrofit.stages'),
  ];
  const f = formatters(locale);
  const community = localName(u.community, locale);
  const r = u.retrofit;
  // The date each stage was reached; a stage reached twice (resumed after a stall) shows its latest date.
  const reached = new Map((r?.timeline ?? []).map((h) => [h.stage, h.on]));
  const currentIdx = r && r.stage !== 'stalled' ? stageIndex(r.stage) : -1;
  const stalledOn = reached.get('stalled');
  return (
    <article>
      <p className="crumb">
        <a href={`/status/${u.community.slug}`}>← {t('back', { community })}</a>
      </p>
      <h1>{unitTitle(u, locale)}</h1>
      <p className="muted">{t('subtitle', { community })}</p>

      <section aria-labelledby="stage-title" className="panel stage-panel">
        <h2 id="stage-title">{t('stage')}</h2>
        {r ? (
          <p className="stage-now">
            <span className={`badge big stage-${r.stage}`} data-testid="unit-stage">
              {ts(r.stage)}
            </span>
          </p>
        ) : (
          <p data-testid="unit-stage">{u.unit.originalElevator ? tr('original') : t('noCase')}</p>
        )}
        <dl className="pairs">
          <dt>{t('elevator')}</dt>
          <dd data-testid="unit-elevator" className={`lift lift-${u.elevator ?? 'none'}`}>
            {tr(`elevator.${u.elevator ?? 'none'}`)}
          </dd>
          {r && (
            <>
              <dt>{t('next')}</dt>
              <dd data-testid="unit-next">
                {r.stage === 'in_service'
                  ? t('finished')
                  : r.stage === 'stalled'
                    ? t('stalledNote')
                    : r.next?.notBefore
                      ? t('nextNotBefore', { stage: ts(r.next.stage), date: f.date(r.next.notBefore) })
                      : r.next
                        ? t('nextStage', { stage: ts(r.next.stage) })
                        : '—'}
              </dd>
            </>
          )}
        </dl>
      </section>

      {r?.publicity && (
        <section aria-labelledby="publicity-title" className="panel notice-panel">
          <h2 id="publicity-title">{t('publicity')}</h2>
          <p className="days-left">
            <strong>{r.publicity.running ? t('daysLeft', { days: r.publicity.daysLeft }) : t('ended')}</strong>
          </p>
          <dl className="stacked">
            <dt>{t('period')}</dt>
            <dd data-testid="publicity-period">
              {t('periodValue', {
                from: f.date(r.publicity.startsOn),
                to: f.date(r.publicity.endsOn),
                days: r.publicity.days,
              })}
            </dd>
            {/* The notice as the committee wrote it, in Chinese: marked so a screen reader in English reads it right. */}
            {r.publicity.proposal && (
              <>
                <dt>{t('proposal')}</dt>
                <dd lang={HTML_LANG.zh}>{r.publicity.proposal}</dd>
              </>
            )}
            {r.publicity.objectionChannel && (
              <>
                <dt>{t('howToObject')}</dt>
                <dd data-testid="publicity-object">
                  {t('objectUntil', { date: f.date(r.publicity.endsOn), channel: r.publicity.objectionChannel })}
                  {u.community.contact.phone && (
                    <>
                      {' '}
                      {t('callCommittee')} <a href={telHref(u.community.contact.phone)}>{u.community.contact.phone}</a>
                    </>
                  )}
                </dd>
              </>
            )}
            <dt>{t('objections')}</dt>
            <dd data-testid="objections">{f.total(r.publicity.objections)}</dd>
            <dt>{t('openObjections')}</dt>
            <dd data-testid="open-objections">{f.total(r.publicity.openObjections)}</dd>
          </dl>
        </section>
      )}

      {r && (
        <section aria-labelledby="timeline-title">
          <h2 id="timeline-title">{t('timeline')}</h2>
          <ol className="steps">
            {RETROFIT_STAGES.map((stage, i) => {
              const on = reached.get(stage);
              const state = i === currentIdx ? 'current' : on ? 'done' : 'upcoming';
              return (
                <li
                  key={stage}
                  className={`step step-${state}`}
                  aria-current={state === 'current' ? 'step' : undefined}
                >
                  <span className="step-name">{ts(stage)}</span>
                  <span className="step-when">
                    {on ? <time dateTime={on}>{f.date(on)}</time> : null} <span className="sr-only">{t(state)}</span>
                  </span>
                </li>
              );
            })}
            {r.stage === 'stalled' && (
              <li className="step step-stalled" aria-current="step">
                <span className="step-name">{ts('stalled')}</span>
                <span className="step-when">{stalledOn && <time dateTime={stalledOn}>{f.date(stalledOn)}</time>}</span>
              </li>
            )}
          </ol>
        </section>
      )}

      <CommitteeContact contact={u.community.contact} locale={locale} />

      <p className="no-print">
        <a className="button" href={`${unitPath(u)}/poster`}>
          {t('poster')}
        </a>
      </p>
    </article>
  );
}
