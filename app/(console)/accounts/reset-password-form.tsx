'use client';
import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { resetPassword, type OneTimeState } from './actions';
import { OneTimePassword } from './one-time-password';
import styles from './accounts.module.css';

export function ResetPasswordForm({ userId, email }: { userId: string; email: string }) {
  const t = useTranslations('accounts');
  const [state, action, pending] = useActionState<OneTimeState, FormData>(resetPassword, null);
  if (state?.ok) return <OneTimePassword title={t('resetDone', { email })} password={state.password} />;
  return (
    <details className={styles.confirm}>
      <summary>{t('resetPassword')}</summary>
      <form action={action}>
        <input type="hidden" name="userId" value={userId} />
        <input type="hidden" name="email" value={email} />
        <p>{t('resetConfirm', { email })}</p>
        <button type="submit" disabled={pending}>
          {t('resetYes')}
        </button>
        {state && !state.ok && (
          <p className="error" role="alert">
            {t('error.failed', { message: state.message ?? '' })}
          </p>
        )}
      </form>
    </details>
  );
}
