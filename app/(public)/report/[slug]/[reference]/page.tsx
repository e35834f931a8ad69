import { TRPCError } from '@trpc/server';
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { getCaller } from '~/app/_trpc/server';
import styles from '../report.module.css';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: '报事进度 Report status' };

type Props = { params: Promise<{ slug: string; reference: string }>; searchParams: Promise<{ new?: string }> };

/** The state of one report and nothing else: no description, place or reporter (DESIGN.md §5). */
export default async function ReportStatusPage({ params, searchParams }: Props) {
  const [{ slug, reference }, { new: fresh }] = await Promise.all([params, searchParams]);
  const status = await (await getCaller()).workOrder.track({ slug, reference }).catch((error: unknown) => {
    if (error instanceof TRPCError && (error.code === 'NOT_FOUND' || error.code === 'BAD_REQUEST')) notFound();
    throw error;
  });
  const t = await getTranslations('report');
  return (
    <article className="report">
      {fresh && <p role="status" className="ok">{t('thanks')}</p>}
      <h1>{t('statusTitle')}</h1>
      <dl className={styles.facts}>
        <dt>{t('reference')}</dt><dd data-testid="report-reference">{status.reference}</dd>
        <dt>{t('category')}</dt><dd>{t(`categories.${status.category}`)}</dd>
        <dt>{t('receivedOn')}</dt><dd>{status.receivedOn}</dd>
        <dt>{t('state')}</dt><dd data-testid="report-state">{t(`states.${status.state}`)}</dd>
      </dl>
      <p className="muted small">{t('keepReference')}</p>
      <p><a href={`/report/${slug}`}>{t('another')}</a></p>
    </article>
  );
}
