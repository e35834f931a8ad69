'use client';
import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { signIn, type SignInState } from '../actions';

export function SignInForm({ next }: { next: string }) {
  const t = useTranslations('signIn');
  const [state, action, pending] = useActionState<SignInState, FormData>(signIn, {});
  return (
    <form action={action} className="stack">
      <input type="hidden" name="next" value={next} />
      <label>
        {t('email')}
        <input name="email" type="email" autoComplete="username" required defaultValue={state.email} />
      </label>
      <label>
        {t('password')}
        <input name="password" type="password" autoComplete="current-password" required />
      </label>
      {state.error && (
        <p role="alert" className="error">
          {state.error === 'limited'
            ? t('errorLimited', { minutes: state.minutes ?? 1 })
            : t(state.error === 'credentials' ? 'errorCredentials' : 'errorInvalid')}
        </p>
      )}
      <button type="submit" className="primary" disabled={pending}>
        {pending ? t('pending') : t('submit')}
      </button>
    </form>
  );
}
