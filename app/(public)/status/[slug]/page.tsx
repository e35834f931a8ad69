import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { loadCommunity } from '../_lib/cached';
import { FacilitiesSection } from '../_components/facilities-section';
import { formatters } from '../_components/format';
import { RetrofitSection } from '../_components/retrofit-section';
import { SafetySection } from '../_components/safety-section';
import { ServiceSection } from '../_components/service-section';

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const [s, locale] = await Promise.all([loadCommunity(slug), getLocale()]);
  return { title: locale === 'zh' ? s.summary.community.name : s.summary.community.nameEn };
}

export default async function CommunityStatusPage({ params }: Props) {
  const { slug } = await params;
  const [data, t, tp, tc, locale] = await Promise.all([
    loadCommunity(slug), getTranslations('status'), getTranslations('public'), getTranslations('deviceClass'), getLocale(),
  ]);
  const s = data.summary;
  const name = locale === 'zh' ? s.community.name : s.community.nameEn;
  const f = formatters(locale);
  const pct = (a: number, b: number) => (b === 0 ? '—' : `${((100 * a) / b).toFixed(1)}%`);
  return (
    <article>
      <h1>{t('title', { name })}</h1>
      <p className="muted">{t('lead', { street: s.community.street, neighbourhood: s.community.neighbourhood })}</p>
      <ul className="kpis" aria-label={name}>
        <li><span className="n" data-testid="kpi-buildings">{f.n(s.buildings)}</span><span className="l">{t('buildings')}</span></li>
        <li><span className="n">{f.n(s.units)}</span><span className="l">{t('units')}</span></li>
        <li><span className="n" data-testid="kpi-households">{f.count(s.households)}</span><span className="l">{t('households')}</span></li>
        {s.retrofitCases > 0 || s.originalElevators === 0 ? (
          <li><span className="n" data-testid="kpi-elevators">{f.n(s.elevatorsInService)}</span><span className="l">{t('elevatorsInService')}</span></li>
        ) : (
          <li><span className="n" data-testid="kpi-elevators">{f.n(s.originalElevators)}</span><span className="l">{t('originalElevators')}</span></li>
        )}
      </ul>
      <nav aria-label={tp('onThisPage')} className="toc">
        <a href="#retrofit-title">{tp('retrofit.title')}</a>
        <a href="#facilities-title">{tp('facilities.title')}</a>
        <a href="#safety-title">{tp('safety.title')}</a>
        <a href="#service-title">{tp('service.title')}</a>
      </nav>
      <RetrofitSection slug={s.community.slug} data={data.retrofit} f={f} />
      <FacilitiesSection data={data.facilities} f={f} />
      <SafetySection data={data.safety} f={f} />
      <ServiceSection data={data.service} f={f} />
      <section aria-labelledby="devices-title">
        <h2 id="devices-title" className="h3">{t('devicesTitle')}</h2>
        {s.devices.total === 0 ? (
          <p className="muted">{t('noDevices')}</p>
        ) : (
          <details>
            <summary>{t('devicesOnline', { online: f.n(s.devices.online), total: f.n(s.devices.total) })}</summary>
            <div className="table-scroll">
              <table>
                <thead>
                  <tr><th scope="col">{t('class')}</th><th scope="col" className="num">{t('total')}</th><th scope="col" className="num">{t('onlineCol')}</th><th scope="col" className="num">{t('rate')}</th></tr>
                </thead>
                <tbody>
                  {s.devices.byClass.map((r) => (
                    <tr key={r.class}>
                      <th scope="row">{tc(r.class)}</th>
                      <td className="num">{f.n(r.total)}</td>
                      <td className="num">{f.n(r.online)}</td>
                      <td className="num">{pct(r.online, r.total)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        )}
      </section>
    </article>
  );
}
