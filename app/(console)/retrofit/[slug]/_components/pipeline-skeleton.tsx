import { useTranslations } from 'next-intl';

export function PipelineSkeleton() {
  const t = useTranslations('app');
  return (
    <div aria-busy="true" aria-label={t('loading')}>
      <div className="skeleton" style={{ minHeight: 40, maxWidth: 360, marginBottom: '1rem' }} />
      <div className="skeleton" style={{ minHeight: 240, marginBottom: '1rem' }} />
      <div className="skeleton" style={{ minHeight: 420 }} />
    </div>
  );
}
