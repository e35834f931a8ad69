// /report/<slug>: a plain form posting to ./submit, so reporting works with no JavaScript at all.
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

export function reportTitle(places: ReportPlaces, locale: Locale): string {
  return translator(locale, 'report')('title', {
    name: localName(places.community, locale),
  });
}

export function ReportFormView({
  slug,
  places,
  invalid,
  locale,
}: {
  slug: string;
  places: ReportPlaces;
  invalid: boolean;
  locale: Locale;
}) {
  const t = translator(locale, 'report');
  return (
    <article className="report">
      <h1>{reportTitle(places, locale)}</h1>
      <p className="muted">{t('lead')}</p>
      {invalid && (
        <p role="alert" className="error">
          {t('invalid')}
        </p>
      )}
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
        <label>
          {t('place')}
          <select name="place" required defaultValue="">
            <option value="" disabled>
              {t('choose')}
            </option>
            <optgroup label={t('publicAreas')}>
              {places.areas.map((a) => (
                <option key={a} value={`a:${a}`}>
                  {t(`areas.${a}`)}
                </option>
              ))}
            </optgroup>
            {places.buildings.map((b) => (
              <optgroup key={b.id} label={b.name}>
                <option value={`b:${b.id}`}>{t('wholeBuilding', { building: b.name })}</option>
                {b.units.map((u) => (
                  <option key={u.id} value={`u:${u.id}`}>
                    {b.name} {u.name}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </label>
        <label>
          {t('floor')}
          <input name="floor" type="number" min={-5} max={120} inputMode="numeric" />
        </label>
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
      <ReportLookup slug={slug} locale={locale} />
    </article>
  );
}
