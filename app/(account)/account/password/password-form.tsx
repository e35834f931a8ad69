'use client';
import { useTranslations } from 'next-intl';
import { useActionState, useEffect } from 'react';
import { changePassword, type PasswordState } from './actions';

export function PasswordForm({ min }: { min: number }) {
  const t = useTranslations('password');
  const [state, action, pending] = useActionState<PasswordState, FormData>(changePassword, {});
  useEffect(() => {
    if (state.done) window.location.assign('/');
  }, [state.done]);
  if (state.done)
    return (
      <p role="status">
        <a href="/">{t('done')}</a>
      </p>
    );
  return (
    <form action={action} className="stack" data-testid="password-form">
      <input type="text" name="username" autoComplete="username" hidden readOnly />
      <label>
        {t('current')}
        <input name="current" type="password" autoComplete="current-password" required />
      </label>
      <label>
        {t('next', { min })}
        <input name="next" type="password" autoComplete="new-password" minLength={min} required />
      </label>
      <label>
        {t('confirm')}
        <input name="confirm" type="password" autoComplete="new-password" minLength={min} required />
      </label>
      {state.error && (
        <p role="alert" className="error">
          {state.error === 'mismatch'
            ? t('errorMismatch')
            : state.error === 'short'
              ? t('errorShort', { min })
              : t('errorFailed', { message: state.message ?? '' })}
        </p>
      )}
      <button type="submit" className="primary" disabled={pending}>
        {pending ? t('pending') : t('submit')}
      </button>
    </form>
  );
}
