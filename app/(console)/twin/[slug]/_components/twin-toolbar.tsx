'use client';
import { useFormatter, useTranslations } from 'next-intl';
import { useMemo, useState } from 'react';
import type { TwinScene } from '~/server/queries/twin-scene';
import styles from '../twin.module.css';
import { searchTwin, type SearchHit } from './search';
import type { Show } from './twin-view';

type Props = {
  name: string;
  scene: TwinScene | null;
  days: number;
  onDays: (days: number) => void;
  show: Show;
  onShow: (show: Show) => void;
  onHome: () => void;
  onHit: (hit: SearchHit) => void;
  /** Shown devices in alarm and in fault (live); null before the scene is up. */
  beacons: { alarm: number; fault: number } | null;
  onNextBeacon: () => void;
  follow: boolean;
  onFollow: (follow: boolean) => void;
};

const PERIODS = [30, 90, 365];

export function TwinToolbar({
  name,
  scene,
  days,
  onDays,
  show,
  onShow,
  onHome,
  onHit,
  beacons,
  onNextBeacon,
  follow,
  onFollow,
}: Props) {
  const t = useTranslations('twin');
  const format = useFormatter();
  const [query, setQuery] = useState('');
  const hits = useMemo(() => (scene ? searchTwin(scene, query) : []), [scene, query]);
  return (
    <div className={styles.toolbar}>
      <h1 className={styles.title} style={{ margin: 0, fontSize: '1rem' }}>
        {t('title', { name })}
        {scene && (
          <small>
            {t('counts', {
              devices: format.number(scene.devices.id.length),
              points: scene.patrolPoints.length,
              buildings: scene.buildings.length,
            })}
          </small>
        )}
      </h1>
      <div className={`${styles.box} ${styles.search}`}>
        <input
          type="search"
          aria-label={t('search')}
          placeholder={t('searchPlaceholder')}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && hits[0]) {
              onHit(hits[0]);
              setQuery('');
            }
          }}
        />
        {query && (
          <ul className={styles.results} role="listbox">
            {hits.length === 0 && <li className="muted">{t('noResults')}</li>}
            {hits.map((h) => (
              <li key={`${h.kind}-${h.kind === 'unit' ? h.unitId : h.deviceId}`}>
                <button
                  type="button"
                  onClick={() => {
                    onHit(h);
                    setQuery('');
                  }}
                >
                  {h.label}
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
      <label className={styles.box}>
        {t('period')}{' '}
        <select value={days} onChange={(e) => onDays(Number(e.target.value))}>
          {PERIODS.map((n) => (
            <option key={n} value={n}>
              {t('days', { n })}
            </option>
          ))}
        </select>
      </label>
      <fieldset className={styles.box} style={{ display: 'flex', gap: '0.5rem', margin: 0 }}>
        <legend className="sr-only" style={{ position: 'absolute', left: -9999 }}>
          {t('layers')}
        </legend>
        {(['elevators', 'patrol', 'heat'] as const).map((k) => (
          <label key={k}>
            <input type="checkbox" checked={show[k]} onChange={() => onShow({ ...show, [k]: !show[k] })} />{' '}
            {t(`layer.${k}`)}
          </label>
        ))}
      </fieldset>
      <button type="button" className={styles.box} onClick={onHome}>
        {t('home')}
      </button>
      {beacons && (
        <button
          type="button"
          className={`${styles.box} ${styles.beacons}`}
          data-testid="twin-beacon-count"
          data-alarm={beacons.alarm}
          data-fault={beacons.fault}
          disabled={beacons.alarm + beacons.fault === 0}
          aria-label={beacons.alarm + beacons.fault === 0 ? t('beacon.none') : t('beacon.countLabel', beacons)}
          title={beacons.alarm + beacons.fault === 0 ? t('beacon.none') : t('beacon.countLabel', beacons)}
          onClick={onNextBeacon}
        >
          <span className={styles.swatch} style={{ background: 'var(--status-alarm)' }} />{' '}
          {t('beacon.alarms', { n: beacons.alarm })}
          {' · '}
          <span className={styles.swatch} style={{ background: 'var(--status-fault)' }} />{' '}
          {t('beacon.faults', { n: beacons.fault })}
        </button>
      )}
      <label className={styles.box} title={t('beacon.followHint')}>
        <input type="checkbox" checked={follow} onChange={() => onFollow(!follow)} /> {t('beacon.follow')}
      </label>
    </div>
  );
}
