'use client';
// Creating a kiosk link. The answer carries the link's URL and QR code this
// once; it lives only in this component's state, so a reload forgets it.
import { useTranslations } from 'next-intl';
import { useActionState, useRef, useState } from 'react';
import { createLink, type CreateLinkState } from './actions';
import styles from './screens.module.css';

export function CreateLinkForm({ communities }: { communities: Array<{ slug: string; name: string }> }) {
  const t = useTranslations('kiosk');
  const [state, action, pending] = useActionState<CreateLinkState, FormData>(createLink, null);
  const [copied, setCopied] = useState<number | null>(null);
  const urlField = useRef<HTMLInputElement>(null);
  const failed = state && !state.ok ? state : null;

  const copy = async (id: number, url: string) => {
    try {
      await navigator.clipboard.writeText(url);
    } catch {
      // No clipboard (plain http, or permission refused): select the text for Ctrl+C instead.
      urlField.current?.select();
      document.execCommand?.('copy');
    }
    setCopied(id);
  };

  return (
    <section className={`panel ${styles.create}`} aria-labelledby="kiosk-create">
      <h2 id="kiosk-create">{t('createTitle')}</h2>
      <form action={action} className="inline-form" data-testid="kiosk-create">
        <label>
          {t('screen')}
          <select name="slug" defaultValue={failed?.slug ?? ''}>
            <option value="">{t('district')}</option>
            {communities.map((c) => (
              <option key={c.slug} value={c.slug}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('label')}
          <input
            name="label"
            required
            maxLength={100}
            placeholder={t('labelHint')}
            defaultValue={failed?.label ?? ''}
            aria-invalid={failed?.error === 'label'}
          />
        </label>
        <button type="submit" className="primary" disabled={pending}>
          {pending ? t('creating') : t('create')}
        </button>
      </form>
      {failed && (
        <p className="error" role="alert">
          {t(`error.${failed.error}`)}
        </p>
      )}
      {state?.ok && (
        <div className={styles.created} data-testid="kiosk-created" role="status">
          <div
            className={styles.qr}
            role="img"
            aria-label={t('qrAlt')}
            dangerouslySetInnerHTML={{ __html: state.qrSvg }}
          />
          <div className={styles.once}>
            <h3>{t('createdTitle', { label: state.label })}</h3>
            <p>{t('createdHint')}</p>
            <div className="row">
              <input
                ref={urlField}
                className={styles.url}
                readOnly
                value={state.url}
                aria-label={t('urlLabel')}
                data-testid="kiosk-url"
                onFocus={(e) => e.currentTarget.select()}
              />
              <button type="button" onClick={() => void copy(state.id, state.url)}>
                {copied === state.id ? t('copied') : t('copy')}
              </button>
            </div>
            <p className="small muted">{t('opensScreen', { screen: state.screen })}</p>
          </div>
        </div>
      )}
    </section>
  );
}
