'use client';
import { useTranslations } from 'next-intl';

export default function PlannerError({ error, reset }: { error: Error; reset: () => void }) {
  const t = useTranslations('planner');
  return (
    <div className="notice" role="alert">
      <p>{t('error', { message: error.message })}</p>
      <button onClick={reset}>{t('retry')}</button>
    </div>
  );
}
