'use client';
// The legend is also the filter: every class and status it lists can be
// switched off, and the colours come from the same palette the scene uses.
import { useTranslations } from 'next-intl';
import { DEVICE_CLASSES, DEVICE_STATUSES } from '~/db/vocab';
import {
  CLASS_SHAPE,
  ELEVATOR_LOOKS,
  HEAT_RAMP,
  LOOK_COLOR,
  PATROL_BANDS,
  PATROL_NEVER,
  SHAPE_GLYPH,
  STATUS_COLOR,
} from '~/app/_scene/palette';
import styles from '../twin.module.css';

type Props = {
  classVisible: boolean[];
  statusVisible: boolean[];
  onClassVisible: (v: boolean[]) => void;
  onStatusVisible: (v: boolean[]) => void;
  bandOnly: number;
};

export function Legend({ classVisible, statusVisible, onClassVisible, onStatusVisible, bandOnly }: Props) {
  const t = useTranslations('twin');
  const toggle = (list: boolean[], i: number) => list.map((v, k) => (k === i ? !v : v));
  return (
    <aside className={styles.legend} aria-label={t('legend')} data-testid="twin-legend">
      <details open>
        <summary>{t('legend')}</summary>
        <h3>{t('statuses')}</h3>
        <div className={styles.cols}>
          {DEVICE_STATUSES.map((s, i) => (
            <label key={s}>
              <input
                type="checkbox"
                checked={statusVisible[i] ?? true}
                onChange={() => onStatusVisible(toggle(statusVisible, i))}
              />
              <span className={styles.swatch} style={{ background: STATUS_COLOR[s] }} />
              {t(`status.${s}`)}
            </label>
          ))}
        </div>
        <h3>
          {t('classes')}
          <span>
            <button type="button" onClick={() => onClassVisible(DEVICE_CLASSES.map(() => true))}>
              {t('all')}
            </button>{' '}
            <button type="button" onClick={() => onClassVisible(DEVICE_CLASSES.map(() => false))}>
              {t('none')}
            </button>
          </span>
        </h3>
        <div className={styles.cols}>
          {DEVICE_CLASSES.map((c, i) => (
            <label key={c}>
              <input
                type="checkbox"
                checked={classVisible[i] ?? true}
                onChange={() => onClassVisible(toggle(classVisible, i))}
                data-class={c}
              />
              <span className={styles.glyph} aria-hidden>
                {SHAPE_GLYPH[CLASS_SHAPE[c]]}
              </span>
              {t(`class.${c}`)}
            </label>
          ))}
        </div>
        <h3>{t('elevatorLooks')}</h3>
        {ELEVATOR_LOOKS.map((look) => (
          <div key={look} className={styles.row}>
            <span
              className={styles.swatch}
              style={{
                background: LOOK_COLOR[look],
                opacity: look === 'ghost' ? 0.5 : 1,
                outline: look === 'scaffold' ? '1px dashed #333' : undefined,
              }}
            />
            {t(`look.${look}`)}
          </div>
        ))}
        <h3>{t('patrolLegend')}</h3>
        <div className={styles.cols}>
          {PATROL_BANDS.map((b) => (
            <div key={b.key} className={styles.row}>
              <span className={styles.swatch} style={{ background: b.color }} />
              {t(b.key)}
            </div>
          ))}
          <div className={styles.row}>
            <span className={styles.swatch} style={{ background: PATROL_NEVER }} />
            {t('patrolNever')}
          </div>
        </div>
        <h3>{t('heatLegend')}</h3>
        <div className={styles.row}>
          {HEAT_RAMP.map((c) => (
            <span key={c} className={styles.swatch} style={{ background: c }} />
          ))}
          <span>1 → max</span>
        </div>
        {bandOnly > 0 && <div className="muted">{t('heatBandOnly', { n: bandOnly })}</div>}
      </details>
    </aside>
  );
}
