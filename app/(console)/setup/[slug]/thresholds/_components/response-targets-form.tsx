'use client';
// Alarm response targets per severity (server/domain/response-targets.ts): how soon someone must
// acknowledge an alarm before the ops desk marks it 超时. Stored with the thresholds, audited on
// the change trail; an empty field goes back to the default. Bounds are checked here, to say so
// at once, and again on the server.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useLocale, useTranslations } from 'next-intl';
import { useState } from 'react';
import { serverErrorMessage } from '~/app/_components/ui/server-error';
import { useTRPC } from '~/app/_trpc/client';
import type { AlarmSeverity } from '~/db/vocab';
import styles from '../../../setup.module.css';

export function ResponseTargetsForm({ slug }: { slug: string }) {
  const t = useTranslations('ops');
  const locale = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const table = useQuery(trpc.alarm.responseTargets.queryOptions({ slug }));
  const [values, setValues] = useState<Partial<Record<AlarmSeverity, string>> | null>(null);
  const [invalid, setInvalid] = useState<string | null>(null);
  const rows = table.data ?? [];
  const shown: Partial<Record<AlarmSeverity, string>> =
    values ?? Object.fromEntries(rows.map((r) => [r.severity, r.overridden ? String(r.minutes) : '']));
  const save = useMutation(
    trpc.alarm.setResponseTargets.mutationOptions({
      onSuccess: (next) => {
        queryClient.setQueryData(trpc.alarm.responseTargets.queryKey({ slug }), next);
        setValues(null);
      },
    }),
  );
  return (
    <section aria-labelledby="targets-h" className={styles.section}>
      <h2 id="targets-h">{t('targets.title')}</h2>
      <p className="muted">{t('targets.lead')}</p>
      {table.isError && (
        <p role="alert" className="error">
          {t('loadError', { message: serverErrorMessage(table.error, locale) })}
        </p>
      )}
      <form
        className="panel"
        data-testid="setup-response-targets"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          save.reset();
          const out: Partial<Record<AlarmSeverity, number | null>> = {};
          for (const r of rows) {
            const text = shown[r.severity]?.trim() ?? '';
            const n = Number(text);
            if (text && !(Number.isInteger(n) && n >= r.min && n <= r.max)) {
              setInvalid(t('targets.outOfBounds', { severity: t(`severities.${r.severity}`), min: r.min, max: r.max }));
              return;
            }
            out[r.severity] = text ? n : null;
          }
          setInvalid(null);
          save.mutate({ slug, values: out });
        }}
      >
        <div className="table-scroll">
          <table aria-busy={table.isLoading}>
            <thead>
              <tr>
                <th scope="col">{t('targets.severity')}</th>
                <th scope="col">{t('targets.minutes')}</th>
                <th scope="col">{t('targets.design')}</th>
                <th scope="col">{t('targets.bounds')}</th>
              </tr>
            </thead>
            <tbody>
              {table.isLoading && (
                <tr>
                  <td colSpan={4} className="muted">
                    {t('loading')}
                  </td>
                </tr>
              )}
              {rows.map((r) => (
                <tr key={r.severity}>
                  <td>
                    <label htmlFor={`rt-${r.severity}`}>
                      <span className={`sev sev-${r.severity}`}>{t(`severities.${r.severity}`)}</span>
                    </label>
                  </td>
                  <td className="nowrap">
                    <input
                      id={`rt-${r.severity}`}
                      name={r.severity}
                      type="number"
                      inputMode="numeric"
                      min={r.min}
                      max={r.max}
                      step={1}
                      placeholder={String(r.design)}
                      value={shown[r.severity] ?? ''}
                      style={{ width: '7rem' }}
                      onChange={(e) => setValues({ ...shown, [r.severity]: e.target.value })}
                    />{' '}
                    {t('targets.minutesUnit')}
                  </td>
                  <td className="nowrap">
                    {r.design} {t('targets.minutesUnit')}
                  </td>
                  <td className="small muted nowrap">
                    {r.min}–{r.max} {t('targets.minutesUnit')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div className={styles.actions}>
          <button type="submit" className="primary" disabled={save.isPending || table.isLoading}>
            {t('targets.save')}
          </button>
          {save.isSuccess && (
            <span role="status" className="ok">
              {t('targets.saved')}
            </span>
          )}
          {(invalid || save.error) && (
            <span role="alert" className="error" data-testid="targets-error">
              {invalid ?? serverErrorMessage(save.error, locale)}
            </span>
          )}
        </div>
      </form>
    </section>
  );
}
