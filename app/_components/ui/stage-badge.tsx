'use client';
import { useTranslations } from 'next-intl';
import type { RetrofitStage } from '~/db/vocab';

export function StageBadge({ stage }: { stage: RetrofitStage | null }) {
  const t = useTranslations('retrofit.stages');
  if (!stage) return <span className="badge">—</span>;
  return <span className={`badge stage-${stage}`}>{t(stage)}</span>;
}
