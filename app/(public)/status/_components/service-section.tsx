import type { publicService } from '~/server/queries/public-community';
import type { Translate } from '../../_lib/i18n';
import type { Formatters } from './format';
import { ShareBar } from './share-bar';

type Data = Awaited<ReturnType<typeof publicService>>;

export function ServiceSection({ data, f, t }: { data: Data; f: Formatters; t: Translate }) {
  const rates = [
    ['completion', data.completionPct],
    ['resolution', data.resolutionPct],
    ['satisfaction', data.satisfactionPct],
  ] as const;
  return (
    <section aria-labelledby="service-title">
      <h2 id="service-title">{t('title')}</h2>
      <p>
        {t('workOrders')}: <strong>{f.total(data.workOrders)}</strong>
      </p>
      {rates.map(([key, pct]) => (
        <ShareBar f={f} key={key} label={t(key)} pct={pct} detail={pct === null ? t('withheld') : undefined} />
      ))}
    </section>
  );
}
