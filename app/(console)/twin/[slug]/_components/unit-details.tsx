'use client';
// A unit: its elevator (original, or the retrofit case's stage with the
// consent tally from retrofit.byUnit), and the way to fly to its door.
import { useQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { VOTES } from '~/db/vocab';
import type { FlyTarget } from '~/app/_scene/runtime';
import { useTRPC } from '~/app/_trpc/client';
import type { TwinScene } from '~/server/queries/twin-scene';
import styles from '../twin.module.css';

export function UnitDetails({
  slug,
  scene,
  unitId,
  onFly,
}: {
  slug: string;
  scene: TwinScene;
  unitId: number;
  onFly: (t: FlyTarget) => void;
}) {
  const t = useTranslations('twin');
  const trpc = useTRPC();
  const b = scene.buildings.find((x) => x.units.some((u) => u.id === unitId));
  const u = b?.units.find((x) => x.id === unitId);
  const cases = useQuery({ ...trpc.retrofit.byUnit.queryOptions({ slug }), enabled: Boolean(u?.retrofitStage) });
  if (!b || !u) return null;
  const c = cases.data?.find((x) => x.unitId === unitId);
  return (
    <>
      <h2 data-testid="panel-title">{t('unit.title', { building: b.name, unit: u.name })}</h2>
      <dl>
        <dt>{t('unit.households')}</dt>
        <dd>{u.householdsPerFloor}</dd>
        <dt>{t('unit.elevator')}</dt>
        <dd data-testid="unit-stage">
          {u.hasOriginalElevator
            ? t('unit.original')
            : u.retrofitStage
              ? t(`stage.${u.retrofitStage}`)
              : t('unit.none')}
        </dd>
      </dl>
      <div className={styles.actions}>
        <button type="button" onClick={() => onFly({ kind: 'unit', unitId })}>
          {t('flyTo')}
        </button>
      </div>
      {c && (
        <>
          {c.stalledReason && <p className="notice">{c.stalledReason}</p>}
          <h3>{t('unit.tally')}</h3>
          <table>
            <tbody>
              {VOTES.map((v) => (
                <tr key={v}>
                  <td>{t(`vote.${v}`)}</td>
                  <td className="num">{c.tally[v].households}</td>
                  <td className="num">{c.tally[v].areaM2.toFixed(1)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h3>{t('unit.history')}</h3>
          <ul>
            {c.history.map((h) => (
              <li key={`${h.stage}-${h.on}`}>
                {h.on} · {t(`stage.${h.stage}`)}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
