// "凭编号可随时查询进度": the box a resident types a report's reference into. A plain GET form
// (residents' pages run no script) to /report/<slug>/track, which opens the report's page.
import type { Locale } from '~/app/_i18n/config';
import { translator } from '../../_lib/i18n';
import styles from './report.module.css';

export function ReportLookup({ slug, locale }: { slug: string; locale: Locale }) {
  const t = translator(locale, 'report.lookup');
  return (
    <form
      method="get"
      action={`/report/${slug}/track`}
      className={styles.lookup}
      role="search"
      data-testid="report-lookup"
    >
      <label>
        {t('label')}
        <input
          name="ref"
          required
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          placeholder="R-XXXXXXXX"
          maxLength={16}
        />
      </label>
      <button type="submit">{t('submit')}</button>
    </form>
  );
}
