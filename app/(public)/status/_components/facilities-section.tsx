import { getTranslations } from 'next-intl/server';
import type { publicFacilities } from '~/server/queries/public-community';
import type { Formatters } from './format';
import { ShareBar } from './share-bar';

type Data = Awaited<ReturnType<typeof publicFacilities>>;

export async function FacilitiesSection({ data, f }: { data: Data; f: Formatters }) {
  const [t, tc] = await Promise.all([getTranslations('public.facilities'), getTranslations('deviceClass')]);
  const e = data.elevators;
  return (
    <section aria-labelledby="facilities-title">
      <h2 id="facilities-title">{t('title')}</h2>
      {e.total === 0 ? (
        <p className="muted">{t('noElevators')}</p>
      ) : (
        <ShareBar label={t('elevators')} pct={e.runningPct} detail={t('elevatorsDetail', { running: f.n(e.running), stopped: f.n(e.stopped), total: f.n(e.total) })} />
      )}
      <h3>{t('fireSafety')}</h3>
      {data.fireSafety.filter((c) => c.total > 0).map((c) => (
        <ShareBar key={c.class} label={tc(c.class)} pct={c.healthyPct} detail={t('fireDetail', { total: f.n(c.total) })} />
      ))}
    </section>
  );
}
