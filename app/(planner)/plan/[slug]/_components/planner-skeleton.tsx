import { useTranslations } from 'next-intl';

export function PlannerSkeleton() {
  const t = useTranslations('app');
  return (
    <div aria-busy="true" aria-label={t('loading')}>
      <div className="skeleton" style={{ minHeight: 40, maxWidth: 360, marginBottom: '1rem' }} />
      <div className="skeleton" style={{ minHeight: 120, marginBottom: '1rem' }} />
      <div className="skeleton" style={{ minHeight: 480 }} />
    </div>
  );
}
