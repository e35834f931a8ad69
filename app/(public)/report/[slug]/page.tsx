import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { getDatabase } from '~/server/db';
import styles from './report.module.css';
import { REPORT_CATEGORIES, reportPlaces } from '~/server/ops/resident-report';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: '我要报事 Report a problem' };

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ error?: string }> };

// A plain form posting to ./submit: works before (and without) JavaScript.
export default async function ReportPage({ params, searchParams }: Props) {
  const [{ slug }, { error }] = await Promise.all([params, searchParams]);
  if (!/^[a-z0-9-]{1,64}$/.test(slug)) notFound();
  const places = await reportPlaces((await getDatabase()).db, slug);
  if (!places) notFound();
  const [t, locale] = await Promise.all([getTranslations('report'), getLocale()]);
  const name = locale === 'zh' ? places.community.name : places.community.nameEn;
  return (
    <article className="report">
      <h1>{t('title', { name })}</h1>
      <p className="muted">{t('lead')}</p>
      {error && <p role="alert" className="error">{t('invalid')}</p>}
      <form method="post" action={`/report/${slug}/submit`} className={styles.form}>
        <label>{t('category')}
          <select name="category" required defaultValue="">
            <option value="" disabled>{t('choose')}</option>
            {REPORT_CATEGORIES.map((c) => <option key={c} value={c}>{t(`categories.${c}`)}</option>)}
          </select>
        </label>
        <label>{t('place')}
          <select name="place" required defaultValue="">
            <option value="" disabled>{t('choose')}</option>
            <optgroup label={t('publicAreas')}>
              {places.areas.map((a) => <option key={a} value={`a:${a}`}>{t(`areas.${a}`)}</option>)}
            </optgroup>
            {places.buildings.map((b) => (
              <optgroup key={b.id} label={b.name}>
                <option value={`b:${b.id}`}>{t('wholeBuilding', { building: b.name })}</option>
                {b.units.map((u) => <option key={u.id} value={`u:${u.id}`}>{b.name} {u.name}</option>)}
              </optgroup>
            ))}
          </select>
        </label>
        <label>{t('floor')}<input name="floor" type="number" min={-5} max={120} inputMode="numeric" /></label>
        <label>{t('description')}
          <textarea name="description" required minLength={5} maxLength={500} rows={4} placeholder={t('descriptionHint')} />
        </label>
        <p className="muted small">{t('privacy')}</p>
        <button type="submit" className="primary">{t('submit')}</button>
      </form>
    </article>
  );
}
