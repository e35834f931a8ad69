import { RETROFIT_STAGES_ALL } from '~/db/vocab';
import type { publicRetrofit } from '~/server/queries/public-community';
import type { Translate } from '../../_lib/i18n';
import type { Formatters } from './format';

type Data = Awaited<ReturnType<typeof publicRetrofit>>;

// Plain <a>, not next/link: these pages load no JavaScript at all.
/** Every unit's stage, building by building; a long list folds per building (works without JS). */
export function RetrofitSection({
  slug,
  data,
  f,
  t,
  ts,
}: {
  slug: string;
  data: Data;
  f: Formatters;
  t: Translate;
  ts: Translate;
}) {
  const anyCase = Object.keys(data.byStage).length > 0;
  const fold = data.buildings.length > 10;
  return (
    <section aria-labelledby="retrofit-title">
      <h2 id="retrofit-title">{t('title')}</h2>
      <p className="muted">{anyCase ? t('lead') : t('none')}</p>
      {anyCase && (
        <ul className="chips" aria-label={t('byStage')}>
          {RETROFIT_STAGES_ALL.filter((s) => data.byStage[s]).map((s) => (
            <li key={s}>
              <span className={`badge stage-${s}`}>{ts(s)}</span> {data.byStage[s]}
            </li>
          ))}
        </ul>
      )}
      <div className="buildings">
        {data.buildings.map((b) => (
          <details key={b.number} open={!fold}>
            <summary>
              <strong>{f.building(b)}</strong>{' '}
              <span className="muted">{t('unitsCount', { count: b.units.length })}</span>
            </summary>
            <ul className="unit-list">
              {b.units.map((u) => (
                <li key={u.ordinal}>
                  <a href={`/status/${slug}/${encodeURIComponent(b.number)}/${u.ordinal}`} data-testid="unit-link">
                    {f.unit(u)}
                  </a>
                  <span className={`badge ${u.stage ? `stage-${u.stage}` : ''}`}>
                    {u.stage ? ts(u.stage) : u.originalElevator ? t('original') : t('noCase')}
                  </span>
                  <span className={`lift lift-${u.elevator ?? 'none'}`}>{t(`elevator.${u.elevator ?? 'none'}`)}</span>
                </li>
              ))}
            </ul>
          </details>
        ))}
      </div>
    </section>
  );
}
