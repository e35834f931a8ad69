import type { publicSafety } from '~/server/queries/public-community';
import type { Translate } from '../../_lib/i18n';
import type { Formatters } from './format';
import { MonthBars } from './month-bars';

type Data = Awaited<ReturnType<typeof publicSafety>>;

/** Months shown per building: six columns still fit a 390 px phone. */
const TABLE_MONTHS = 6;

export function SafetySection({ data, f, t }: { data: Data; f: Formatters; t: Translate }) {
  const months = data.months.slice(-TABLE_MONTHS);
  return (
    <section aria-labelledby="safety-title">
      <h2 id="safety-title">{t('title')}</h2>
      <h3>{t('throwingTitle')}</h3>
      {data.throwing.byMonth.some((m) => m.count !== 0) && <MonthBars title={t('throwingTitle')} data={data.throwing.byMonth} monthLabel={f.month} />}
      <p data-testid="throwing-trend">{t('trend', { last: f.count(data.throwing.trend.last12), previous: f.count(data.throwing.trend.previous12) })}</p>
      {data.throwing.buildings.length === 0 ? (
        <p className="muted">{t('noThrowing')}</p>
      ) : (
        <details>
          <summary>{t('byBand')}</summary>
          <p className="muted small">{t('byBandNote', { min: data.minHouseholdsPerBand })}</p>
          {data.throwing.buildings.map((b) => {
            const rows = [...b.bands, ...(b.cells.some((c) => c.band === null) ? [null] : [])];
            const at = (from: number | null, m: string) => b.cells.find((c) => (c.band?.from ?? null) === from && c.month === m)?.count ?? 0;
            return (
              <div className="table-scroll band-table" key={b.number}>
                <table>
                  <caption>{f.building(b)}</caption>
                  <thead>
                    <tr><th scope="col">{t('band')}</th>{months.map((m) => <th scope="col" className="num" key={m}>{f.month(m)}</th>)}</tr>
                  </thead>
                  <tbody>
                    {rows.map((band) => (
                      <tr key={band?.from ?? 0}>
                        <th scope="row">{band ? t('floors', { from: band.from, to: band.to }) : t('unknownFloor')}</th>
                        {months.map((m) => <td className="num" key={m}>{f.count(at(band?.from ?? null, m))}</td>)}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            );
          })}
        </details>
      )}
      <h3>{t('ebikeTitle')}</h3>
      {data.ebike.byMonth.some((m) => m.count !== 0) && <MonthBars title={t('ebikeTitle')} data={data.ebike.byMonth} monthLabel={f.month} />}
      <p>{t('trend', { last: f.count(data.ebike.trend.last12), previous: f.count(data.ebike.trend.previous12) })}</p>
    </section>
  );
}
