'use client';
// A one-time password, shown once: it lives only in the answer to the action that made it.
import { useTranslations } from 'next-intl';
import { useRef, useState } from 'react';
import styles from './accounts.module.css';

export function OneTimePassword({ title, password }: { title: string; password: string }) {
  const t = useTranslations('accounts');
  const [copied, setCopied] = useState(false);
  const field = useRef<HTMLInputElement>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(password);
    } catch {
      // No clipboard (plain http): select the text for Ctrl+C instead.
      field.current?.select();
    }
    setCopied(true);
  };
  return (
    <div className={styles.once} role="status" data-testid="one-time-password">
      <strong>{title}</strong>
      <div className="row">
        <input
          ref={field}
          className={styles.secret}
          readOnly
          value={password}
          aria-label={t('oneTimeTitle')}
          onFocus={(e) => e.currentTarget.select()}
        />
        <button type="button" onClick={() => void copy()}>
          {copied ? t('copied') : t('copy')}
        </button>
      </div>
      <p className="small muted">{t('oneTimeHint')}</p>
    </div>
  );
}
