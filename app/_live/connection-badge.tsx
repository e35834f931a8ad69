'use client';
// Shows whether live data is flowing; offers a retry when the stream failed, and a way
// back in when the session ended under it.
import { usePathname } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useConnectionState } from './hooks';
import { useLive } from './live-provider';

export function ConnectionBadge() {
  const t = useTranslations('live');
  const state = useConnectionState();
  const { retry } = useLive();
  const path = usePathname();
  return (
    <span
      className={`live-badge live-${state}`}
      role="status"
      aria-live="polite"
      data-testid="live-badge"
      data-state={state}
    >
      <span aria-hidden="true">●</span> {t(`connection.${state}`)}
      {state === 'error' && (
        <button type="button" onClick={retry}>
          {t('retry')}
        </button>
      )}
      {state === 'signedOut' && <a href={`/sign-in?next=${encodeURIComponent(path ?? '/')}`}>{t('signIn')}</a>}
    </span>
  );
}
