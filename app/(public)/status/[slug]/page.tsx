import { TRPCError } from '@trpc/server';
import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { getCaller } from '~/app/_trpc/server';

type Props = { params: Promise<{ slug: string }> };

async function load(slug: string) {
  try {
    return await (await getCaller()).status.community({ slug });
  } catch (error) {
    if (error instanceof TRPCError && (error.code === 'NOT_FOUND' || error.code === 'BAD_REQUEST')) notFound();
    throw error;
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const s = await load(slug);
  return { title: s.community.name };
}

export default async function CommunityStatusPage({ params }: Props) {
  const { slug } = await params;
  const [s, t, tc, locale] = await Promise.all([load(slug), getTranslations('status'), getTranslations('deviceClass'), getLocale()]);
  const name = locale === 'zh' ? s.community.name : s.community.nameEn;
  const fmt = new Intl.NumberFormat(locale === 'zh' ? 'zh-CN' : 'en');
  const show = (n: number | '<3') => (typeof n === 'number' ? fmt.format(n) : n);
  const pct = (a: number, b: number) => (b === 0 ? '—' : `${((100 * a) / b).toFixed(1)}%`);
  return (
    <article>
      <h1>{t('title', { name })}</h1>
      <p className="muted">{t('lead', { street: s.community.street, neighbourhood: s.community.neighbourhood })}</p>
      <ul className="kpis" aria-label={name}>
        <li><span className="n" data-testid="kpi-buildings">{fmt.format(s.buildings)}</span><span className="l">{t('buildings')}</span></li>
        <li><span className="n">{fmt.format(s.units)}</span><span className="l">{t('units')}</span></li>
        <li><span className="n" data-testid="kpi-households">{show(s.households)}</span><span className="l">{t('households')}</span></li>
        {s.retrofitCases > 0 || s.originalElevators === 0 ? (
          <li><span className="n" data-testid="kpi-elevators">{fmt.format(s.elevatorsInService)}</span><span className="l">{t('elevatorsInService')}</span></li>
        ) : (
          <li><span className="n" data-testid="kpi-elevators">{fmt.format(s.originalElevators)}</span><span className="l">{t('originalElevators')}</span></li>
        )}
      </ul>
      <section aria-labelledby="devices-title">
        <h2 id="devices-title">{t('devicesTitle')}</h2>
        {s.devices.total === 0 ? (
          <p className="muted">{t('noDevices')}</p>
        ) : (
          <>
            <p>{t('devicesOnline', { online: fmt.format(s.devices.online), total: fmt.format(s.devices.total) })}</p>
            <table>
              <thead>
                <tr><th scope="col">{t('class')}</th><th scope="col" className="num">{t('total')}</th><th scope="col" className="num">{t('onlineCol')}</th><th scope="col" className="num">{t('rate')}</th></tr>
              </thead>
              <tbody>
                {s.devices.byClass.map((r) => (
                  <tr key={r.class}>
                    <th scope="row">{tc(r.class)}</th>
                    <td className="num">{fmt.format(r.total)}</td>
                    <td className="num">{fmt.format(r.online)}</td>
                    <td className="num">{pct(r.online, r.total)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </section>
    </article>
  );
}
