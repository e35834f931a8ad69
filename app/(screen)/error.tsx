'use client';
// A big screen that hits an error (most often a script chunk that failed to
// load while the network was down) must not sit on an error page all
// weekend: it says so on screen, checks every RECOVER_MS whether the server
// answers again, and then reloads itself (a full reload, so every chunk is
// fetched afresh). While the server is unreachable it keeps waiting — a reload
// then would leave the browser's own error page, with no script to retry.
import { useTranslations } from 'next-intl';
import { useEffect } from 'react';
import styles from './_components/screen.module.css';

const RECOVER_MS = 10_000;

export default function ScreenError({ error }: { error: Error }) {
  const t = useTranslations('screen');
  useEffect(() => {
    console.error(error);
    const timer = setInterval(() => {
      void fetch(window.location.href, { method: 'HEAD', cache: 'no-store' })
        .then((res) => {
          if (res.ok) window.location.reload();
        })
        .catch(() => {});
    }, RECOVER_MS);
    return () => clearInterval(timer);
  }, [error]);
  return (
    <div className={styles.placeholder} role="alert" data-testid="screen-error">
      <p>{t('recovering')}</p>
    </div>
  );
}
