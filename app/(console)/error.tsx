'use client';
import { useLocale, useTranslations } from 'next-intl';
import { serverErrorMessage } from '~/app/_components/ui/server-error';

export default function ConsoleError({ error, reset }: { error: Error; reset: () => void }) {
  const t = useTranslations('console');
  const locale = useLocale();
  return (
    <div className="notice" role="alert">
      <p>{t('error', { message: serverErrorMessage(error, locale) })}</p>
      <button onClick={reset}>{t('retry')}</button>
    </div>
  );
}
