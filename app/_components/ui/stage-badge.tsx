'use client';
import { useTranslations } from 'next-intl';
import type { RetrofitStage } from '~/db/vocab';

/** A retrofit stage in its own hue (lib/status-palette.ts STAGE_COLOR): blues planned, teal built, green in service, brown 搁置. */
export function StageBadge({ stage }: { stage: RetrofitStage | null }) {
  const t = useTranslations('retrofit.stages');
  if (!stage) return <span className="badge">—</span>;
  return <span className={`badge stage-${stage}`}>{t(stage)}</span>;
}

/**
 * 卡住: a case longer in its stage than the stage's limit (server/domain/stage-rules.ts), in the
 * stalled brown with a dashed edge — it needs attention, it is not an alarm.
 */
export function StuckBadge({ stuck }: { stuck: { since: string; days: number; limitDays: number } }) {
  const t = useTranslations('retrofit');
  return (
    <span className="badge badge-stuck" data-testid="stuck-badge" title={t('stuckTitle', stuck)}>
      {t('stuckDays', { days: stuck.days })}
    </span>
  );
}
