'use client';
// Details of whatever was picked, outside the canvas so it reads and scrolls
// like the rest of the console. Each kind of pick has its own section.
import { useFormatter, useTranslations } from 'next-intl';
import { DEVICE_CLASSES, DEVICE_STATUSES } from '~/db/vocab';
import type { FlyTarget, TwinPick } from '~/app/_scene/runtime';
import type { TwinScene } from '~/server/queries/twin-scene';
import styles from '../twin.module.css';
import { DeviceDetails } from './device-details';
import { IncidentDetails } from './incident-details';
import type { Cut } from './twin-view';
import { UnitDetails } from './unit-details';
import { WHEN } from './when';
import { STATUS_COLOR } from '~/app/_scene/palette';

export type PeriodIncident = {
  id: number;
  buildingId: number | null;
  floor: number | null;
  occurredAt: Date;
  reviewState: string;
};

type Props = {
  slug: string;
  scene: TwinScene | null;
  pick: TwinPick | null;
  cut: Cut;
  incidents: PeriodIncident[];
  onPick: (pick: TwinPick | null) => void;
  onCut: (cut: Cut) => void;
  onFly: (target: FlyTarget) => void;
};

export function SidePanel({ slug, scene, pick, cut, incidents, onPick, onCut, onFly }: Props) {
  const t = useTranslations('twin');
  const format = useFormatter();
  if (!scene) return <aside className={styles.panel} aria-label="details" />;
  const building = (id: number) => scene.buildings.find((b) => b.id === id);
  const close = (
    <button type="button" onClick={() => onPick(null)} style={{ float: 'right' }}>
      {t('close')}
    </button>
  );
  let content: React.ReactNode = <p className="muted">{t('hint')}</p>;

  if (pick?.kind === 'building' || pick?.kind === 'floor') {
    const b = building(pick.buildingId);
    if (b) {
      const d = scene.devices;
      const byStatus = DEVICE_STATUSES.map(() => 0);
      const onFloor: number[] = [];
      for (let i = 0; i < d.id.length; i++) {
        if (d.buildingId[i] !== b.id) continue;
        byStatus[d.status[i] ?? 0]! += 1;
        if (pick.kind === 'floor' && d.floor[i] === pick.floor) onFloor.push(i);
      }
      const floor = pick.kind === 'floor' ? pick.floor : null;
      // Where on the floor: its unit, and which of that unit's devices on this floor, west to east
      // (device order: how placement.ts lays façade devices along the wall), so two 烟感 of one floor are told apart.
      const unitName = new Map(b.units.map((u) => [u.id, u.name]));
      const nth = new Map<number, { k: number; of: number }>();
      const perUnit = new Map<number | null, number[]>();
      for (const i of onFloor) perUnit.set(d.unitId[i] ?? null, [...(perUnit.get(d.unitId[i] ?? null) ?? []), i]);
      for (const list of perUnit.values()) list.forEach((i, k) => nth.set(i, { k: k + 1, of: list.length }));
      const placeOf = (i: number) => {
        const unit = unitName.get(d.unitId[i] ?? -1) ?? b.name;
        const at = nth.get(i);
        return at && at.of > 1
          ? t('floor.placeAt', { unit, floor: floor ?? 0, k: at.k })
          : t('floor.place', { unit, floor: floor ?? 0 });
      };
      content = (
        <>
          {close}
          <h2 data-testid="panel-title">{floor ? t('floor.title', { building: b.name, floor }) : b.name}</h2>
          <dl>
            <dt>{t('building.floors')}</dt>
            <dd>{b.floors}</dd>
            <dt>{t('building.units')}</dt>
            <dd>
              {b.units.map((u) => (
                <button
                  key={u.id}
                  type="button"
                  className={styles.linkish}
                  style={{ marginRight: '0.6rem' }}
                  onClick={() => {
                    onPick({ kind: 'unit', unitId: u.id, buildingId: b.id });
                    onFly({ kind: 'unit', unitId: u.id });
                  }}
                >
                  {u.name}
                </button>
              ))}
            </dd>
            <dt>{t('building.devices')}</dt>
            <dd>
              {DEVICE_STATUSES.map((s, i) =>
                byStatus[i] ? (
                  <span key={s} style={{ marginRight: '0.5rem' }}>
                    <span className={styles.swatch} style={{ background: STATUS_COLOR[s] }} /> {t(`status.${s}`)}{' '}
                    {byStatus[i]}
                  </span>
                ) : null,
              )}
            </dd>
            <dt>{t('building.incidents')}</dt>
            <dd>{incidents.filter((i) => i.buildingId === b.id).length}</dd>
          </dl>
          <div className={styles.actions}>
            <button
              type="button"
              onClick={() =>
                onFly(floor ? { kind: 'floor', buildingId: b.id, floor } : { kind: 'building', buildingId: b.id })
              }
            >
              {t('flyTo')}
            </button>
            <label>
              {t('building.pickFloor')}{' '}
              <select
                value={floor ?? ''}
                onChange={(e) =>
                  e.target.value && onPick({ kind: 'floor', buildingId: b.id, floor: Number(e.target.value) })
                }
              >
                <option value="">—</option>
                {Array.from({ length: b.floors }, (_, k) => b.floors - k).map((f) => (
                  <option key={f} value={f}>
                    {f}
                  </option>
                ))}
              </select>
            </label>
            {floor &&
              (cut?.buildingId === b.id && cut.floor === floor ? (
                <button type="button" onClick={() => onCut(null)}>
                  {t('unisolate')}
                </button>
              ) : (
                <button
                  type="button"
                  onClick={() => {
                    onCut({ buildingId: b.id, floor });
                    onFly({ kind: 'floor', buildingId: b.id, floor });
                  }}
                >
                  {t('isolate')}
                </button>
              ))}
            {cut && !floor && (
              <button type="button" onClick={() => onCut(null)}>
                {t('unisolate')}
              </button>
            )}
          </div>
          {floor && (
            <>
              <h3>{t('floor.devices')}</h3>
              <ul>
                {onFloor.slice(0, 40).map((i) => (
                  <li key={d.id[i]}>
                    <button
                      type="button"
                      className={styles.linkish}
                      onClick={() => onPick({ kind: 'device', deviceId: d.id[i] as number })}
                    >
                      <span
                        className={styles.swatch}
                        style={{ background: STATUS_COLOR[DEVICE_STATUSES[d.status[i] ?? 0] ?? 'online'] }}
                      />{' '}
                      {t(`class.${DEVICE_CLASSES[d.cls[i] ?? 0] ?? 'smoke_detector'}`)} {d.code[i]}{' '}
                      <span className={styles.place}>{placeOf(i)}</span>
                    </button>
                  </li>
                ))}
              </ul>
              {onFloor.length > 40 && <p className="muted">{t('floor.more', { n: onFloor.length - 40 })}</p>}
            </>
          )}
        </>
      );
    }
  } else if (pick?.kind === 'unit') {
    content = (
      <>
        {close}
        <UnitDetails slug={slug} scene={scene} unitId={pick.unitId} onFly={onFly} />
      </>
    );
  } else if (pick?.kind === 'device') {
    content = (
      <>
        {close}
        <DeviceDetails deviceId={pick.deviceId} />
      </>
    );
  } else if (pick?.kind === 'patrol') {
    const p = scene.patrolPoints.find((x) => x.id === pick.pointId);
    if (p) {
      content = (
        <>
          {close}
          <h2 data-testid="panel-title">{p.name}</h2>
          <dl>
            <dt>{t('patrol.code')}</dt>
            <dd>{p.code}</dd>
            <dt>{t('patrol.last')}</dt>
            <dd>
              {p.lastCheckinMs === null
                ? t('patrol.never')
                : `${format.dateTime(p.lastCheckinMs, WHEN)} · ${t('patrol.ago', { h: Math.round((scene.nowMs - p.lastCheckinMs) / 3_600_000) })}`}
            </dd>
          </dl>
        </>
      );
    }
  } else if (pick?.kind === 'cell') {
    const b = building(pick.buildingId);
    const list = incidents.filter((i) => pick.incidentIds.includes(i.id));
    content = (
      <>
        {close}
        <h2 data-testid="panel-title">
          {t('cell.title', { building: b?.name ?? '', floor: pick.floor, column: pick.column })}
        </h2>
        <p>{t('cell.count', { n: list.length })}</p>
        <ul>
          {list.map((i) => (
            <li key={i.id}>
              <button
                type="button"
                className={styles.linkish}
                onClick={() => onPick({ kind: 'incident', incidentId: i.id })}
              >
                #{i.id} · {format.dateTime(i.occurredAt, WHEN)} · {t(`review.${i.reviewState as 'pending'}`)}
              </button>
            </li>
          ))}
        </ul>
      </>
    );
  } else if (pick?.kind === 'incident') {
    content = (
      <>
        {close}
        <IncidentDetails scene={scene} incidentId={pick.incidentId} />
      </>
    );
  }
  return (
    <aside className={styles.panel} aria-label="details" data-testid="twin-panel">
      {content}
    </aside>
  );
}
