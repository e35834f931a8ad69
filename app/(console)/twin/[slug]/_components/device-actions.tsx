'use client';
// What staff do about a device from its panel: open a work order for it (the
// ops desk's own workOrder.create, placed where the device is), see its alarms
// on the ops desk, and put it into or out of maintenance (device.setMaintenance,
// audited and published live, as the setup device table does). Each action
// shows only to a caller holding its tier here (lib/device-actions.ts).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useLocale, useTranslations } from 'next-intl';
import Link from 'next/link';
import { useState } from 'react';
import { serverErrorMessage } from '~/app/_components/ui/server-error';
import { useTRPC } from '~/app/_trpc/client';
import type { DeviceClass, DeviceStatus, PublicArea } from '~/db/vocab';
import { DEVICE_ACTION_TIER, type DeviceAction } from '~/lib/device-actions';
import { holds } from '~/lib/standing';
import styles from './device-panel.module.css';

export type ActionDevice = {
  id: number;
  code: string;
  name: string;
  class: DeviceClass;
  status: DeviceStatus;
  buildingId: number | null;
  unitId: number | null;
  floor: number | null;
};

export function DeviceActions({ slug, device }: { slug: string; device: ActionDevice }) {
  const t = useTranslations('device');
  const locale = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const me = useQuery(trpc.account.me.queryOptions());
  const [ordering, setOrdering] = useState(false);
  const [created, setCreated] = useState<{ code: string } | null>(null);
  const maintenance = useMutation(
    trpc.device.setMaintenance.mutationOptions({
      onSuccess: () => {
        void queryClient.invalidateQueries(trpc.twin.device.queryFilter({ id: device.id }));
        void queryClient.invalidateQueries(trpc.device.pathFilter());
      },
    }),
  );
  if (!me.data) return null;
  const may = (a: DeviceAction) => holds(me.data.standing, slug, DEVICE_ACTION_TIER[a]);
  if (!may('workOrder') && !may('alarms') && !may('maintenance')) return null;
  const inMaintenance = device.status === 'maintenance';

  return (
    <section aria-label={t('actions.title')} data-testid="device-actions">
      <div className={styles.actions}>
        {may('workOrder') && (
          <button
            type="button"
            aria-expanded={ordering}
            onClick={() => {
              setOrdering(!ordering);
              setCreated(null);
            }}
          >
            {t('actions.workOrder')}
          </button>
        )}
        {may('alarms') && (
          <Link href={`/ops/${slug}?device=${encodeURIComponent(device.code)}`} className={styles.linkButton}>
            {t('actions.alarms')}
          </Link>
        )}
        {may('maintenance') && (
          <button
            type="button"
            disabled={maintenance.isPending}
            data-testid="device-maintenance"
            onClick={() => maintenance.mutate({ id: device.id, on: !inMaintenance })}
          >
            {maintenance.isPending
              ? t('actions.saving')
              : inMaintenance
                ? t('actions.maintenanceOff')
                : t('actions.maintenanceOn')}
          </button>
        )}
      </div>
      {maintenance.isError && (
        <p role="alert" className="error">
          {t('actions.error', { message: serverErrorMessage(maintenance.error, locale) })}
        </p>
      )}
      {created && (
        <p role="status" data-testid="device-order-created">
          {t('order.created', { code: created.code })} · <Link href={`/ops/${slug}`}>{t('order.open')}</Link>
        </p>
      )}
      {ordering && (
        <DeviceWorkOrder
          slug={slug}
          device={device}
          onCancel={() => setOrdering(false)}
          onCreated={(order) => {
            setOrdering(false);
            setCreated(order);
          }}
        />
      )}
    </section>
  );
}

/** The category an order about this kind of device most often needs, where the desk has it. */
const CATEGORY_BY_CLASS: Partial<Record<DeviceClass, string>> = {
  smoke_detector: '烟感报警处置',
  access_control: '门禁故障',
  manhole_cover: '井盖异常',
  water_leak_contact: '漏水',
  irrigation_soil: '绿化灌溉',
  throwing_camera: '高空抛物',
  elevator_ebike_camera: '电动车进电梯',
};

const SOURCES = ['grid', 'hotline_12345', 'resident'] as const;

function DeviceWorkOrder({
  slug,
  device,
  onCancel,
  onCreated,
}: {
  slug: string;
  device: ActionDevice;
  onCancel: () => void;
  onCreated: (order: { code: string }) => void;
}) {
  const t = useTranslations('device');
  const ops = useTranslations('ops');
  const locale = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const options = useQuery(trpc.workOrder.formOptions.queryOptions({ slug }));
  const [source, setSource] = useState<(typeof SOURCES)[number]>('grid');
  const [category, setCategory] = useState<string | null>(null);
  const [publicArea, setPublicArea] = useState<PublicArea | ''>('');
  const [description, setDescription] = useState(() =>
    t('order.descriptionStart', { name: device.name, code: device.code }),
  );
  const create = useMutation(
    trpc.workOrder.create.mutationOptions({
      onSuccess: (order) => {
        void queryClient.invalidateQueries(trpc.workOrder.pathFilter());
        onCreated(order);
      },
    }),
  );

  if (options.isPending)
    return (
      <p className="muted" aria-busy="true">
        {t('order.loading')}
      </p>
    );
  if (options.isError)
    return (
      <p role="alert" className="error">
        {t('order.loadError', { message: serverErrorMessage(options.error, locale) })}
      </p>
    );
  const o = options.data;
  const building = device.buildingId === null ? null : (o.buildings.find((b) => b.id === device.buildingId) ?? null);
  const unit = building?.units.find((u) => u.id === device.unitId) ?? null;
  // A floor the order may name: inside the building, as the desk's own form allows.
  const floor =
    building && device.floor !== null && device.floor !== 0 && device.floor >= -5 && device.floor <= building.floors
      ? device.floor
      : null;
  const suggested = CATEGORY_BY_CLASS[device.class];
  const fallback = o.categories.some((c) => c.name === '设施维修') ? '设施维修' : '';
  const cat = category ?? (suggested && o.categories.some((c) => c.name === suggested) ? suggested : fallback);
  const categoryWords = (c: string) => (ops.has(`categories.${c}`) ? ops(`categories.${c}`) : c);
  const placeWords = building
    ? `${building.name}${unit ? unit.name : ''}${floor !== null ? t('order.floorSuffix', { floor }) : ''}`
    : null;

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const place = building
      ? { buildingId: building.id, ...(unit ? { unitId: unit.id } : {}), ...(floor !== null ? { floor } : {}) }
      : publicArea
        ? { publicArea }
        : {};
    create.mutate({ slug, source, category: cat, description, ...place });
  };

  return (
    <form className={styles.order} onSubmit={submit} aria-label={t('order.title')} data-testid="device-order">
      <h4>{t('order.title')}</h4>
      <label>
        {t('order.source')}
        <select value={source} onChange={(e) => setSource(e.target.value as typeof source)} name="source">
          {SOURCES.map((s) => (
            <option key={s} value={s}>
              {t(`order.sources.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('order.category')}
        <select value={cat} onChange={(e) => setCategory(e.target.value)} name="category" required>
          <option value="">{t('order.choose')}</option>
          {o.categories.map((c) => (
            <option key={c.name} value={c.name}>
              {t('order.categoryOption', { category: categoryWords(c.name), hours: c.dueHours })}
            </option>
          ))}
        </select>
      </label>
      {placeWords ? (
        <p>
          <span className="muted">{t('order.place')}</span> {placeWords}
        </p>
      ) : (
        <label>
          {t('order.publicArea')}
          <select
            value={publicArea}
            onChange={(e) => setPublicArea(e.target.value as PublicArea | '')}
            name="publicArea"
            required
          >
            <option value="">{t('order.choose')}</option>
            {o.publicAreas.map((a) => (
              <option key={a} value={a}>
                {ops.has(`areas.${a}`) ? ops(`areas.${a}`) : a}
              </option>
            ))}
          </select>
        </label>
      )}
      <label>
        {t('order.description')}
        <textarea
          value={description}
          onChange={(e) => setDescription(e.target.value)}
          name="description"
          required
          maxLength={1000}
          rows={3}
        />
      </label>
      {create.isError && (
        <p role="alert" className="error">
          {serverErrorMessage(create.error, locale)}
        </p>
      )}
      <div className={styles.actions}>
        <button type="submit" className="primary" disabled={create.isPending}>
          {create.isPending ? t('actions.saving') : t('order.create')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('order.cancel')}
        </button>
      </div>
    </form>
  );
}
