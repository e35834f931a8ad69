// Accounts, for admins: every account with its memberships, state and last sign-in;
// creating one (its one-time password shown once); per account, adding and removing
// memberships, disabling or enabling, and a password reset; and the account log with
// filters. Works without JavaScript except the copy buttons.
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { redirect } from 'next/navigation';
import { localName } from '~/app/_i18n/config';
import { getMe } from '~/app/_trpc/access';
import { getCaller } from '~/app/_trpc/server';
import { ACCOUNT_EVENT_KINDS } from '~/server/auth/audit';
import { addMembership, removeMembership, setDisabled } from './actions';
import { CreateAccountForm } from './create-account-form';
import { MembershipFields } from './membership-fields';
import { ResetPasswordForm } from './reset-password-form';
import styles from './accounts.module.css';

export async function generateMetadata() {
  return { title: (await getTranslations('accounts'))('title') };
}
export const dynamic = 'force-dynamic';

type Search = { kind?: string; email?: string; notice?: string };

export default async function AccountsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const me = await getMe();
  if (!me) redirect('/sign-in?next=/accounts');
  if (me.mustChangePassword) redirect('/account/password');
  const [t, format, locale, search] = await Promise.all([
    getTranslations('accounts'),
    getFormatter(),
    getLocale(),
    searchParams,
  ]);
  if (me.role !== 'admin')
    return (
      <p className="notice" data-testid="accounts-forbidden">
        {t('forbidden')}
      </p>
    );
  const kind = (ACCOUNT_EVENT_KINDS as readonly string[]).includes(search.kind ?? '')
    ? (search.kind as (typeof ACCOUNT_EVENT_KINDS)[number])
    : undefined;
  const caller = await getCaller();
  const [accounts, communities, events] = await Promise.all([
    caller.account.list(),
    caller.community.list(),
    caller.account.events({ kind, email: search.email || undefined, limit: 200 }),
  ]);
  const places = {
    communities: communities.map((c) => ({ slug: c.slug, name: localName(c, locale) })),
    streets: [...new Set(communities.map((c) => c.street))].sort(),
  };
  const at = (d: Date | null) =>
    d ? (
      <time dateTime={d.toISOString()}>{format.dateTime(d, 'stamp')}</time>
    ) : (
      <span className="muted">{t('never')}</span>
    );

  return (
    <div className={styles.page}>
      <h1>{t('title')}</h1>
      <p className="muted">{t('lead')}</p>
      {search.notice && (
        <p className="error" role="alert" data-testid="accounts-notice">
          {t('error.failed', { message: search.notice === 'place' ? t('error.place') : search.notice })}
        </p>
      )}
      <CreateAccountForm places={places} />

      <section aria-labelledby="account-list">
        <h2 id="account-list">{t('listTitle')}</h2>
        <div className="table-scroll">
          <table data-testid="accounts">
            <thead>
              <tr>
                <th>{t('colName')}</th>
                <th>{t('colEmail')}</th>
                <th>{t('colRole')}</th>
                <th>{t('colMemberships')}</th>
                <th>{t('colState')}</th>
                <th>{t('colLastSignIn')}</th>
                <th>{t('colActions')}</th>
              </tr>
            </thead>
            <tbody>
              {accounts.map((a) => (
                <tr key={a.id} data-testid={`account-${a.email}`} data-state={a.disabledAt ? 'disabled' : 'enabled'}>
                  <td className="nowrap">{a.name}</td>
                  <td className={styles.email}>{a.email}</td>
                  <td className="nowrap">{t(`accountRoles.${a.role}`)}</td>
                  <td>
                    <ul className={styles.chips}>
                      {a.memberships.length === 0 && <li className="muted small">{t('noMemberships')}</li>}
                      {a.memberships.map((m) => {
                        const where =
                          m.street ?? localName({ name: m.communityName ?? '', nameEn: m.communityNameEn }, locale);
                        const what = `${where} · ${t(`membershipRoles.${m.role}`)}`;
                        return (
                          <li key={m.id} className={styles.chip}>
                            {what}
                            <form action={removeMembership}>
                              <input type="hidden" name="id" value={m.id} />
                              <button
                                type="submit"
                                aria-label={t('removeMembership', { what })}
                                title={t('removeMembership', { what })}
                              >
                                ×
                              </button>
                            </form>
                          </li>
                        );
                      })}
                    </ul>
                    <details className={styles.confirm}>
                      <summary>{t('addMembership')}</summary>
                      <form action={addMembership} className="inline-form">
                        <input type="hidden" name="userId" value={a.id} />
                        <MembershipFields places={places} />
                        <button type="submit">{t('add')}</button>
                      </form>
                    </details>
                  </td>
                  <td className="nowrap">
                    <span className={`badge ${a.disabledAt ? styles.off : styles.on}`}>
                      {a.disabledAt ? t('disabled') : t('enabled')}
                    </span>
                    {a.mustChangePassword && <div className="small muted">{t('mustChange')}</div>}
                  </td>
                  <td className="nowrap">{at(a.lastSignInAt)}</td>
                  <td className={styles.actions}>
                    {a.disabledAt ? (
                      <form action={setDisabled}>
                        <input type="hidden" name="userId" value={a.id} />
                        <input type="hidden" name="disabled" value="false" />
                        <button type="submit">{t('enable')}</button>
                      </form>
                    ) : (
                      a.id !== me.id && (
                        <details className={styles.confirm}>
                          <summary>{t('disable')}</summary>
                          <form action={setDisabled}>
                            <input type="hidden" name="userId" value={a.id} />
                            <input type="hidden" name="disabled" value="true" />
                            <p>{t('disableConfirm', { email: a.email })}</p>
                            <button type="submit" className={styles.danger}>
                              {t('disableYes')}
                            </button>
                          </form>
                        </details>
                      )
                    )}
                    <ResetPasswordForm userId={a.id} email={a.email} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="account-log" className={styles.log}>
        <h2 id="account-log">{t('auditTitle')}</h2>
        <p className="muted">{t('auditLead')}</p>
        <form method="get" className="inline-form" data-testid="audit-filter">
          <label>
            {t('filterKind')}
            <select name="kind" defaultValue={kind ?? ''}>
              <option value="">{t('allKinds')}</option>
              {ACCOUNT_EVENT_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`kinds.${k}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('filterEmail')}
            <input name="email" defaultValue={search.email ?? ''} maxLength={200} />
          </label>
          <button type="submit">{t('filter')}</button>
        </form>
        {events.length === 0 ? (
          <p className="muted">{t('auditEmpty')}</p>
        ) : (
          <div className="table-scroll">
            <table data-testid="audit">
              <thead>
                <tr>
                  <th>{t('colAt')}</th>
                  <th>{t('colKind')}</th>
                  <th>{t('colSubject')}</th>
                  <th>{t('colActor')}</th>
                  <th>{t('colAddress')}</th>
                  <th>{t('colDetail')}</th>
                </tr>
              </thead>
              <tbody>
                {events.map((e) => (
                  <tr key={e.id}>
                    <td className="nowrap">{at(e.at)}</td>
                    <td className="nowrap">
                      {(ACCOUNT_EVENT_KINDS as readonly string[]).includes(e.kind)
                        ? t(`kinds.${e.kind as 'sign_in'}`)
                        : e.kind}
                    </td>
                    <td className={styles.email}>{e.subjectEmail}</td>
                    <td className={styles.email}>{e.actor}</td>
                    <td className="nowrap small">{e.clientAddress}</td>
                    <td className={`small ${styles.detail}`}>{e.detail ? JSON.stringify(e.detail) : ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
