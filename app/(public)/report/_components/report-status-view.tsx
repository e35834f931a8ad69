// /report/<slug>/<reference>: the state of one report and nothing else — no
// description, place or reporter (docs/DOMAIN.md § Privacy).
import type { Locale } from '~/app/_i18n/config';
import type { RouterOutputs } from '~/app/_trpc/types';
import { translator } from '../../_lib/i18n';
import { ReportLookup } from './report-lookup';
import styles from './report.module.css';

export type ReportStatus = RouterOutputs['workOrder']['track'];

export function ReportStatusView({
  slug,
  status,
  community,
  fresh,
  locale,
}: {
  slug: string;
  status: ReportStatus;
  /** The community's name in the reader's language: the thanks say who received the report. */
  community: string;
  fresh: boolean;
  locale: Locale;
}) {
  const t = translator(locale, 'report');
  return (
    <article className="report">
      {fresh && (
        <p role="status" className="ok">
          {t('thanks', { community })}
        </p>
      )}
      <h1>{t('statusTitle')}</h1>
      <dl className={styles.facts}>
        <dt>{t('reference')}</dt>
        <dd data-testid="report-reference">{status.reference}</dd>
        <dt>{t('category')}</dt>
        <dd>{t(`categories.${status.category}`)}</dd>
        <dt>{t('receivedOn')}</dt>
        <dd>{status.receivedOn}</dd>
        <dt>{t('state')}</dt>
        <dd data-testid="report-state">{t(`states.${status.state}`)}</dd>
      </dl>
      <p className="muted small">{t('keepReference')}</p>
      <ReportLookup slug={slug} locale={locale} />
      <p>
        <a href={`/report/${slug}`}>{t('another')}</a>
      </p>
    </article>
  );
}
