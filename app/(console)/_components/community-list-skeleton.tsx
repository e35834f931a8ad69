import { useTranslations } from 'next-intl';

export function CommunityListSkeleton() {
  const t = useTranslations('app');
  return (
    <div className="cards" aria-busy="true" aria-label={t('loading')}>
      {[0, 1, 2].map((i) => (
        <div key={i} className="skeleton" />
      ))}
    </div>
  );
}
