import type { Translate } from '../../_lib/i18n';
import type { publicFacilities } from '~/server/queries/public-community';
import type { Formatters } from './format';
import { ShareBar } from './share-bar';

type Data = Awaited<ReturnType<typeof publicFacilities>>;

export function FacilitiesSection({ data, f, t, tc }: { data: Data; f: Formatters; t: Translate; tc: Translate }) {
  const e = data.elevators;
  return (
    <section aria-labelledby="facilities-title">
      <h2 id="facilities-title">{t('title')}</h2>
      {e.total === 0 ? (
        <p className="muted">{t('noElevators')}</p>
      ) : (
        <ShareBar
          f={f}
          label={t('elevators')}
          pct={e.runningPct}
          detail={t('elevatorsDetail', { running: f.n(e.running), stopped: f.n(e.stopped), total: f.n(e.total) })}
        />
      )}
      <h3>{t('fireSafety')}</h3>
      {data.fireSafety
        .filter((c) => c.total > 0)
        .map((c) => (
          <ShareBar
            f={f}
            key={c.class}
            label={tc(c.class)}
            pct={c.healthyPct}
            detail={t('fireDetail', { total: f.n(c.total) })}
          />
        ))}
    </section>
  );
}
