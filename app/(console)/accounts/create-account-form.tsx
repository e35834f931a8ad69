'use client';
import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { createAccount, type OneTimeState } from './actions';
import { MembershipFields, type Places } from './membership-fields';
import { OneTimePassword } from './one-time-password';
import styles from './accounts.module.css';

export function CreateAccountForm({ places }: { places: Places }) {
  const t = useTranslations('accounts');
  const [state, action, pending] = useActionState<OneTimeState, FormData>(createAccount, null);
  return (
    <section className={`panel ${styles.create}`} aria-labelledby="account-create">
      <h2 id="account-create">{t('createTitle')}</h2>
      <form action={action} className="inline-form" data-testid="account-create">
        <label>
          {t('name')}
          <input name="name" required maxLength={100} />
        </label>
        <label>
          {t('email')}
          <input name="email" type="email" required maxLength={200} autoComplete="off" />
        </label>
        <label>
          {t('accountRole')}
          <select name="role" defaultValue="member">
            <option value="member">{t('accountRoles.member')}</option>
            <option value="admin">{t('accountRoles.admin')}</option>
          </select>
        </label>
        <MembershipFields places={places} optional />
        <button type="submit" className="primary" disabled={pending}>
          {pending ? t('creating') : t('create')}
        </button>
      </form>
      {state && !state.ok && (
        <p className="error" role="alert">
          {t(`error.${state.error}`, { message: state.message ?? '' })}
        </p>
      )}
      {state?.ok && (
        <OneTimePassword
          title={`${t('created', { email: state.email })} ${t('oneTimeTitle')}`}
          password={state.password}
        />
      )}
    </section>
  );
}
