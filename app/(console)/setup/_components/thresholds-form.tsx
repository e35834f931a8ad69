'use client';
// Alarm thresholds per device class: the value in force beside the design value, with unit and
// bounds; an empty field goes back to the design value. The ingest reads them from the next event.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useLocale, useTranslations } from 'next-intl';
import { useState } from 'react';
import { serverErrorMessage } from '~/app/_components/ui/server-error';
import { useTRPC } from '~/app/_trpc/client';
import styles from '../setup.module.css';

export function ThresholdsForm({ slug }: { slug: string }) {
  const t = useTranslations('setup');
  const tAll = useTranslations();
  const locale = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const table = useQuery(trpc.onboard.thresholds.queryOptions({ slug }));
  const [values, setValues] = useState<Record<string, string> | null>(null);
  const rows = table.data ?? [];
  const shown = values ?? Object.fromEntries(rows.map((r) => [r.key, r.overridden ? String(r.value) : '']));
  const save = useMutation(
    trpc.onboard.setThresholds.mutationOptions({
      onSuccess: (next) => {
        queryClient.setQueryData(trpc.onboard.thresholds.queryKey({ slug }), next);
        setValues(null);
      },
    }),
  );
  return (
    <>
      <p className="muted">{t('thresholdsLead')}</p>
      <form
        className="panel"
        data-testid="setup-thresholds"
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate({
            slug,
            values: Object.fromEntries(rows.map((r) => [r.key, shown[r.key]?.trim() ? Number(shown[r.key]) : null])),
          });
        }}
      >
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('thDevice')}</th>
                <th scope="col">{t('thThreshold')}</th>
                <th scope="col">{t('thValue')}</th>
                <th scope="col">{t('thDesign')}</th>
                <th scope="col">{t('thBounds')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.key}>
                  <td>{tAll(`deviceClass.${r.deviceClass}`)}</td>
                  <td>
                    <label htmlFor={`th-${r.key}`}>{t(`threshold.${r.key}`)}</label>
                  </td>
                  <td className="nowrap">
                    <input
                      id={`th-${r.key}`}
                      type="number"
                      min={r.min}
                      max={r.max}
                      step={r.step}
                      placeholder={String(r.design)}
                      value={shown[r.key] ?? ''}
                      style={{ width: '7rem' }}
                      onChange={(e) => setValues({ ...shown, [r.key]: e.target.value })}
                    />{' '}
                    {r.unit}
                  </td>
                  <td className="nowrap">
                    {r.design} {r.unit}
                  </td>
                  <td className="small muted nowrap">
                    {r.min}–{r.max} {r.unit}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className={styles.hint}>{t('thresholdsHint')}</p>
        <div className={styles.actions}>
          <button type="submit" className="primary" disabled={save.isPending}>
            {t('save')}
          </button>
          {save.isSuccess && (
            <span role="status" className="ok">
              {t('saved')}
            </span>
          )}
          {save.error && (
            <span role="alert" className="error">
              {serverErrorMessage(save.error, locale)}
            </span>
          )}
        </div>
      </form>
    </>
  );
}
