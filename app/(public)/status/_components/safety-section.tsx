import type { PublicCount } from '~/server/domain/privacy';
import type { publicSafety } from '~/server/queries/public-community';
import type { Translate } from '../../_lib/i18n';
import type { Formatters } from './format';
import { MonthBars } from './month-bars';

type Data = Awaited<ReturnType<typeof publicSafety>>;

const isLowerBound = (c: PublicCount) => typeof c === 'string' && c.startsWith('≥');

/** Months shown per building: six columns still fit a 390 px phone. */
const TABLE_MONTHS = 6;

export function SafetySection({ data, f, t }: { data: Data; f: Formatters; t: Translate }) {
  // Months before the records began have no figure to show, not a 0.
  const months = data.months.slice(-TABLE_MONTHS).filter((m) => data.recordsFrom === null || m >= data.recordsFrom);
  // Last twelve months against the twelve before, or plainly that the records are too young to compare.
  const trend = (x: Data['ebike']['trend'], testId?: string) => (
    <p data-testid={testId}>
      {x.previous12 === null
        ? t('trendNoPrevious', { last: f.total(x.last12) })
        : t('trend', { last: f.total(x.last12), previous: f.total(x.previous12) })}
    </p>
  );
  // A "≥N" total says why it is not exact (docs/DOMAIN.md § Privacy).
  const lowerBounds = [data.throwing, data.ebike].some(
    (x) => isLowerBound(x.trend.last12) || x.byMonth.some((m) => isLowerBound(m.count)),
  );
  const partial = data.recordsFrom !== null && data.recordsFrom > data.months[0]!;
  return (
    <section aria-labelledby="safety-title">
      <h2 id="safety-title">{t('title')}</h2>
      {data.recordsFrom === null ? (
        <p className="muted small">{t('noRecords')}</p>
      ) : partial ? (
        <p className="muted small" data-testid="records-from">
          {t('recordsFrom', { month: f.yearMonth(data.recordsFrom) })}
        </p>
      ) : null}
      <h3>{t('throwingTitle')}</h3>
      {data.throwing.byMonth.some((m) => m.count !== 0) && (
        <MonthBars
          title={t('throwingTitle')}
          data={data.throwing.byMonth}
          monthLabel={f.month}
          separator={f.listSeparator}
          recordsFrom={data.recordsFrom}
          noRecords={t('noRecordsShort')}
        />
      )}
      {data.throwing.buildings.length === 0 ? (
        // Nothing in twelve months: one sentence says it (a "0 against …" line would only repeat it).
        <p className="muted">{t('noThrowing')}</p>
      ) : (
        <>
          {trend(data.throwing.trend, 'throwing-trend')}
          <details>
            <summary>{t('byBand')}</summary>
            <p className="muted small">{t('byBandNote', { min: data.minHouseholdsPerBand })}</p>
            {data.throwing.buildings.map((b) => {
              const rows = [...b.bands, ...(b.cells.some((c) => c.band === null) ? [null] : [])];
              const at = (from: number | null, m: string) =>
                b.cells.find((c) => (c.band?.from ?? null) === from && c.month === m)?.count ?? 0;
              return (
                <div className="table-scroll band-table" key={b.number}>
                  <table>
                    <caption>{f.building(b)}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('band')}</th>
                        {months.map((m) => (
                          <th scope="col" className="num" key={m}>
                            {f.month(m)}
                          </th>
                        ))}
                      </tr>
                    </thead>
                    <tbody>
                      {rows.map((band) => (
                        <tr key={band?.from ?? 0}>
                          <th scope="row">
                            {band ? t('floors', { from: band.from, to: band.to }) : t('unknownFloor')}
                          </th>
                          {months.map((m) => (
                            <td className="num" key={m}>
                              {f.count(at(band?.from ?? null, m))}
                            </td>
                          ))}
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              );
            })}
          </details>
        </>
      )}
      <h3>{t('ebikeTitle')}</h3>
      {data.ebike.byMonth.some((m) => m.count !== 0) && (
        <MonthBars
          title={t('ebikeTitle')}
          data={data.ebike.byMonth}
          monthLabel={f.month}
          separator={f.listSeparator}
          recordsFrom={data.recordsFrom}
          noRecords={t('noRecordsShort')}
        />
      )}
      {trend(data.ebike.trend, 'ebike-trend')}
      {lowerBounds && (
        <p className="muted small" data-testid="lower-bounds">
          {t('lowerBounds')}
        </p>
      )}
    </section>
  );
}
