'use client';
import { keepPreviousData, useMutation, useQuery, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { useLocale, useTranslations } from 'next-intl';
import { useState } from 'react';
import { DEVICE_CLASSES, DEVICE_STATUSES, type DeviceClass, type DeviceStatus } from '~/db/vocab';
import { serverErrorMessage } from '~/app/_components/ui/server-error';
import { useTRPC } from '~/app/_trpc/client';
import styles from '../_register/register.module.css';
import { DeviceEditRow } from './device-edit-row';
import type { IssuedTokens } from './tokens-panel';

type Filters = { class?: DeviceClass; status?: DeviceStatus; buildingId?: number; search?: string };

/** The community's devices with filters; each row can be edited, put into maintenance, retired or given a new token. */
export function DeviceTable({ slug, onToken }: { slug: string; onToken: (t: IssuedTokens) => void }) {
  const t = useTranslations('setupRegister');
  const tw = useTranslations('twin');
  const locale = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [filters, setFilters] = useState<Filters>({});
  const [editing, setEditing] = useState<number | null>(null);
  const [retiring, setRetiring] = useState<number | null>(null);
  const { data: places } = useSuspenseQuery(trpc.device.places.queryOptions({ slug }));
  const list = useQuery({
    ...trpc.device.list.queryOptions({ slug, limit: 200, ...filters }),
    placeholderData: keepPreviousData,
  });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: trpc.device.list.queryKey() });
  const maintenance = useMutation(trpc.device.setMaintenance.mutationOptions({ onSuccess: refresh }));
  const retire = useMutation(trpc.device.retire.mutationOptions({ onSuccess: refresh }));
  const reissue = useMutation(
    trpc.device.reissueToken.mutationOptions({
      onSuccess: (r) => {
        onToken({ tokens: [{ code: r.code, token: r.token }], tokensCsv: r.tokensCsv, mosquitto: r.mosquitto });
        refresh();
      },
    }),
  );
  const failure = [maintenance.error, retire.error, reissue.error, list.error].find(Boolean);
  const building = (id: number | null) => places.find((b) => b.id === id);
  const set = (patch: Filters) => setFilters((f) => ({ ...f, ...patch }));

  return (
    <section className="panel" aria-labelledby="devices-table-title">
      <h2 id="devices-table-title">{t('deviceTable')}</h2>
      <form className="inline-form" role="search" onSubmit={(e) => e.preventDefault()}>
        <label>
          {t('class')}
          <select
            value={filters.class ?? ''}
            onChange={(e) => set({ class: (e.target.value || undefined) as DeviceClass | undefined })}
          >
            <option value="">{t('all')}</option>
            {DEVICE_CLASSES.map((c) => (
              <option key={c} value={c}>
                {tw(`class.${c}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('status')}
          <select
            value={filters.status ?? ''}
            onChange={(e) => set({ status: (e.target.value || undefined) as DeviceStatus | undefined })}
          >
            <option value="">{t('all')}</option>
            {DEVICE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {tw(`status.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('building')}
          <select
            value={filters.buildingId ?? ''}
            onChange={(e) => set({ buildingId: e.target.value ? Number(e.target.value) : undefined })}
          >
            <option value="">{t('all')}</option>
            {places.map((b) => (
              <option key={b.id} value={b.id}>
                {b.name}
              </option>
            ))}
          </select>
        </label>
        <label className="grow">
          {t('searchCode')}
          <input
            type="search"
            value={filters.search ?? ''}
            maxLength={64}
            onChange={(e) => set({ search: e.target.value.trim() || undefined })}
          />
        </label>
      </form>
      {failure && (
        <p role="alert" className="error">
          {serverErrorMessage(failure, locale)}
        </p>
      )}
      {list.isPending ? (
        <p className="muted">{t('loading')}</p>
      ) : !list.data || list.data.items.length === 0 ? (
        <p className="notice">{Object.values(filters).some(Boolean) ? t('noMatch') : t('noDevices')}</p>
      ) : (
        <div className={styles.tableScroll}>
          <table className="small" aria-busy={list.isFetching}>
            <thead>
              <tr>
                <th scope="col">{t('code')}</th>
                <th scope="col">{t('name')}</th>
                <th scope="col">{t('class')}</th>
                <th scope="col">{t('place')}</th>
                <th scope="col">{t('heartbeat')}</th>
                <th scope="col">{t('status')}</th>
                <th scope="col">{t('actions')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((d) =>
                editing === d.id ? (
                  <DeviceEditRow key={d.id} device={d} places={places} onDone={() => (setEditing(null), refresh())} />
                ) : (
                  <tr key={d.id}>
                    <td className="nowrap">
                      <code>{d.code}</code>
                    </td>
                    <td>{d.name}</td>
                    <td>{tw(`class.${d.class}`)}</td>
                    <td>
                      {[
                        building(d.buildingId)?.name,
                        building(d.buildingId)?.units.find((u) => u.id === d.unitId)?.name,
                        d.floor !== null ? t('floorN', { n: d.floor }) : null,
                        d.config.floorBand
                          ? t('band', { from: d.config.floorBand[0], to: d.config.floorBand[1] })
                          : null,
                        d.x !== null && d.buildingId === null
                          ? t('site', { x: Math.round(d.x), y: Math.round(d.y ?? 0) })
                          : null,
                      ]
                        .filter(Boolean)
                        .join(' ')}
                    </td>
                    <td className="num">{t('seconds', { n: d.heartbeatSeconds })}</td>
                    <td className="nowrap">
                      {tw(`status.${d.status}`)}
                      {!d.hasToken && <span className="muted"> · {t('noToken')}</span>}
                    </td>
                    <td>
                      {retiring === d.id ? (
                        <span role="group" aria-label={t('retireConfirm', { code: d.code })}>
                          <span className="error">{t('retireConfirm', { code: d.code })}</span>{' '}
                          <button
                            type="button"
                            className={styles.danger}
                            onClick={() => (retire.mutate({ id: d.id }), setRetiring(null))}
                          >
                            {t('retireYes')}
                          </button>{' '}
                          <button type="button" onClick={() => setRetiring(null)}>
                            {t('cancel')}
                          </button>
                        </span>
                      ) : (
                        <span className={styles.actions}>
                          <button type="button" onClick={() => setEditing(d.id)}>
                            {t('edit')}
                          </button>
                          <button
                            type="button"
                            aria-pressed={d.status === 'maintenance'}
                            disabled={maintenance.isPending}
                            onClick={() => maintenance.mutate({ id: d.id, on: d.status !== 'maintenance' })}
                          >
                            {d.status === 'maintenance' ? t('maintenanceOff') : t('maintenanceOn')}
                          </button>
                          <button
                            type="button"
                            disabled={reissue.isPending}
                            onClick={() => reissue.mutate({ id: d.id })}
                          >
                            {t('reissue')}
                          </button>
                          <button type="button" onClick={() => setRetiring(d.id)}>
                            {t('retire')}
                          </button>
                        </span>
                      )}
                    </td>
                  </tr>
                ),
              )}
            </tbody>
          </table>
        </div>
      )}
      {list.data?.next !== undefined && <p className="small muted">{t('firstN', { n: list.data.items.length })}</p>}
    </section>
  );
}
