import { getTranslations } from 'next-intl/server';

export default async function NotFound() {
  const t = await getTranslations('status');
  return <p className="notice">{t('notFound')}</p>;
}
