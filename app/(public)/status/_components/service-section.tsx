import { getTranslations } from 'next-intl/server';
import type { publicService } from '~/server/queries/public-community';
import type { Formatters } from './format';
import { ShareBar } from './share-bar';

type Data = Awaited<ReturnType<typeof publicService>>;

export async function ServiceSection({ data, f }: { data: Data; f: Formatters }) {
  const t = await getTranslations('public.service');
  const rates = [['completion', data.completionPct], ['resolution', data.resolutionPct], ['satisfaction', data.satisfactionPct]] as const;
  return (
    <section aria-labelledby="service-title">
      <h2 id="service-title">{t('title')}</h2>
      <p>{t('workOrders')}: <strong>{f.count(data.workOrders)}</strong></p>
      {rates.map(([key, pct]) => (
        <ShareBar key={key} label={t(key)} pct={pct} detail={pct === null ? t('withheld') : undefined} />
      ))}
    </section>
  );
}
