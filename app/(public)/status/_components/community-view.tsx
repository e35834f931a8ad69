// /status/<slug>: the whole community in public aggregates (docs/DOMAIN.md § Privacy).
import { localName, type Locale } from '~/app/_i18n/config';
import { translator } from '../../_lib/i18n';
import type { CommunityData } from '../_lib/cached';
import { ReportLookup } from '../../report/_components/report-lookup';
import { CommitteeContact } from './committee-contact';
import { FacilitiesSection } from './facilities-section';
import { formatters } from './format';
import { RetrofitSection } from './retrofit-section';
import { SafetySection } from './safety-section';
import { ServiceSection } from './service-section';

export function communityName(data: CommunityData, locale: Locale): string {
  return localName(data.summary.community, locale);
}

export function CommunityView({ data, locale }: { data: CommunityData; locale: Locale }) {
  const [t, tp, tc] = [translator(locale, 'status'), translator(locale, 'public'), translator(locale, 'deviceClass')];
  const s = data.summary;
  const name = communityName(data, locale);
  const f = formatters(locale);
  return (
    <article>
      <h1>{t('title', { name })}</h1>
      <p className="muted">{t('lead', { street: s.community.street, neighbourhood: s.community.neighbourhood })}</p>
      <ul className="kpis" aria-label={name}>
        <li>
          <span className="n" data-testid="kpi-buildings">
            {f.n(s.buildings)}
          </span>
          <span className="l">{t('buildings')}</span>
        </li>
        <li>
          <span className="n">{f.n(s.units)}</span>
          <span className="l">{t('units')}</span>
        </li>
        <li>
          <span className="n" data-testid="kpi-households">
            {f.count(s.households)}
          </span>
          <span className="l">{t('households')}</span>
        </li>
        {s.retrofitCases > 0 || s.originalElevators === 0 ? (
          <li>
            <span className="n" data-testid="kpi-elevators">
              {f.n(s.elevatorsInService)}
            </span>
            <span className="l">{t('elevatorsInService')}</span>
          </li>
        ) : (
          <li>
            <span className="n" data-testid="kpi-elevators">
              {f.n(s.originalElevators)}
            </span>
            <span className="l">{t('originalElevators')}</span>
          </li>
        )}
      </ul>
      <nav aria-label={tp('onThisPage')} className="toc">
        <a href="#retrofit-title">{tp('retrofit.title')}</a>
        <a href="#facilities-title">{tp('facilities.title')}</a>
        <a href="#safety-title">{tp('safety.title')}</a>
        <a href="#service-title">{tp('service.title')}</a>
      </nav>
      <RetrofitSection
        slug={s.community.slug}
        data={data.retrofit}
        f={f}
        t={translator(locale, 'public.retrofit')}
        ts={translator(locale, 'retrofit.stages')}
      />
      <FacilitiesSection data={data.facilities} f={f} t={translator(locale, 'public.facilities')} tc={tc} />
      <SafetySection data={data.safety} f={f} t={translator(locale, 'public.safety')} />
      <ServiceSection data={data.service} f={f} t={translator(locale, 'public.service')} />
      <section aria-labelledby="devices-title">
        <h2 id="devices-title" className="h3">
          {t('devicesTitle')}
        </h2>
        {s.devices.total === 0 ? (
          <p className="muted">{t('noDevices')}</p>
        ) : (
          <details>
            <summary>{t('devicesOnline', { online: f.n(s.devices.online), total: f.n(s.devices.total) })}</summary>
            <div className="table-scroll">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('class')}</th>
                    <th scope="col" className="num">
                      {t('total')}
                    </th>
                    <th scope="col" className="num">
                      {t('onlineCol')}
                    </th>
                    <th scope="col" className="num">
                      {t('rate')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {s.devices.byClass.map((r) => (
                    <tr key={r.class}>
                      <th scope="row">{tc(r.class)}</th>
                      <td className="num">{f.n(r.total)}</td>
                      <td className="num">{f.n(r.online)}</td>
                      <td className="num">{r.total === 0 ? '—' : f.percent(r.online / r.total)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        )}
      </section>
      <ReportLookup slug={s.community.slug} locale={locale} />
      <CommitteeContact contact={s.community.contact} locale={locale} />
    </article>
  );
}
