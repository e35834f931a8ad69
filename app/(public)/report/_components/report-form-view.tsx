// /report/<slug>: reporting works with no JavaScript at all, in two plain steps. First where:
// a building (then its unit) or a shared area, each a GET of this page with the choice; then
// what, a form posting to ./submit with the place the first step narrowed down.
// Next also bundles a page's component for the browser (never sent: see
// pages/_app.tsx), so this file imports types only from server/: the
// categories come in through the props.
import { localName, type Locale } from '~/app/_i18n/config';
import type { REPORT_CATEGORIES, reportPlaces } from '~/server/ops/resident-report';
import { translator } from '../../_lib/i18n';
import { ReportLookup } from './report-lookup';
import styles from './report.module.css';

export type ReportPlaces = NonNullable<Awaited<ReturnType<typeof reportPlaces>>> & {
  categories: typeof REPORT_CATEGORIES;
};

/** What the first step chose: nothing yet, a building (by id) or a shared area. */
export type ReportWhere = { building: number } | { area: string } | null;

export function reportTitle(places: ReportPlaces, locale: Locale): string {
  return translator(locale, 'report')('title', {
    name: localName(places.community, locale),
  });
}

export function ReportFormView({
  slug,
  places,
  where,
  invalid,
  locale,
}: {
  slug: string;
  places: ReportPlaces;
  where: ReportWhere;
  invalid: boolean;
  locale: Locale;
}) {
  const t = translator(locale, 'report');
  const building = where && 'building' in where ? places.buildings.find((b) => b.id === where.building) : undefined;
  const area = where && 'area' in where && places.areas.includes(where.area as never) ? where.area : undefined;
  return (
    <article className="report">
      <h1>{reportTitle(places, locale)}</h1>
      <p className="muted">{t('lead')}</p>
      {invalid && (
        <p role="alert" className="error">
          {t('invalid')}
        </p>
      )}
      {building || area ? (
        <>
          <p className={styles.chosen} data-testid="report-where">
            {t('where')}: <strong>{building ? building.name : t(`areas.${area}`)}</strong>{' '}
            <a href={`/report/${slug}`}>{t('changePlace')}</a>
          </p>
          <form method="post" action={`/report/${slug}/submit`} className={styles.form}>
            <label>
              {t('category')}
              <select name="category" required defaultValue="">
                <option value="" disabled>
                  {t('choose')}
                </option>
                {places.categories.map((c) => (
                  <option key={c} value={c}>
                    {t(`categories.${c}`)}
                  </option>
                ))}
              </select>
            </label>
            {building ? (
              <>
                <label>
                  {t('unit')}
                  <select name="place" required defaultValue={`b:${building.id}`}>
                    <option value={`b:${building.id}`}>{t('wholeBuilding', { building: building.name })}</option>
                    {building.units.map((u) => (
                      <option key={u.id} value={`u:${u.id}`}>
                        {building.name} {u.name}
                      </option>
                    ))}
                  </select>
                </label>
                <label>
                  {t('floor')}
                  <input name="floor" type="number" min={-5} max={120} inputMode="numeric" />
                </label>
              </>
            ) : (
              <input type="hidden" name="place" value={`a:${area}`} />
            )}
            <label>
              {t('description')}
              <textarea
                name="description"
                required
                minLength={5}
                maxLength={500}
                rows={4}
                placeholder={t('descriptionHint')}
              />
            </label>
            <p className="muted small">{t('privacy')}</p>
            <button type="submit" className="primary">
              {t('submit')}
            </button>
          </form>
        </>
      ) : (
        <section aria-labelledby="where-title" className={styles.where}>
          <h2 id="where-title">{t('whereTitle')}</h2>
          {places.buildings.length > 0 && (
            <form method="get" action={`/report/${slug}`} className={styles.form} data-testid="report-building">
              <label>
                {t('building')}
                <select name="building" required defaultValue="">
                  <option value="" disabled>
                    {t('choose')}
                  </option>
                  {places.buildings.map((b) => (
                    <option key={b.id} value={b.id}>
                      {b.name}
                    </option>
                  ))}
                </select>
              </label>
              <button type="submit" className="primary">
                {t('next')}
              </button>
            </form>
          )}
          <h3>{t('publicAreas')}</h3>
          <ul className={styles.areas} data-testid="report-areas">
            {places.areas.map((a) => (
              <li key={a}>
                <a href={`/report/${slug}?area=${a}`}>{t(`areas.${a}`)}</a>
              </li>
            ))}
          </ul>
        </section>
      )}
      <ReportLookup slug={slug} locale={locale} />
    </article>
  );
}
