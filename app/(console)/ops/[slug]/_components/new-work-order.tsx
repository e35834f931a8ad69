'use client';
// A work order staff open themselves: a grid member's finding, a 12345
// hotline order, or a resident's report taken by phone or at the desk. The
// place is a building (unit, floor optional) or one public area; the due time
// follows from the category and is shown before saving.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTRPC } from '~/app/_trpc/client';
import { addHoursTo } from '~/lib/calendar';
import type { PublicArea } from '~/db/vocab';
import styles from '../ops.module.css';
import { useOpsLabels } from './labels';

const SOURCES = ['hotline_12345', 'grid', 'resident'] as const;

export function NewWorkOrder({ slug, onCreated }: { slug: string; onCreated: (id: number) => void }) {
  const { t, category, area, dateTime, serverError } = useOpsLabels();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const options = useQuery(trpc.workOrder.formOptions.queryOptions({ slug }));
  const [source, setSource] = useState<(typeof SOURCES)[number]>('hotline_12345');
  const [cat, setCat] = useState('');
  const [kind, setKind] = useState<'building' | 'area'>('building');
  const [buildingId, setBuildingId] = useState<number | null>(null);
  const [unitId, setUnitId] = useState<number | null>(null);
  const [floor, setFloor] = useState('');
  const [publicArea, setPublicArea] = useState<PublicArea | ''>('');
  const [description, setDescription] = useState('');
  const [reporterName, setReporterName] = useState('');
  const [reporterPhone, setReporterPhone] = useState('');
  const create = useMutation(
    trpc.workOrder.create.mutationOptions({
      onSuccess: (order) => {
        void queryClient.invalidateQueries(trpc.workOrder.pathFilter());
        onCreated(order.id);
      },
    }),
  );

  if (options.isLoading)
    return (
      <p className="muted" aria-busy="true">
        {t('loading')}
      </p>
    );
  if (options.isError)
    return (
      <p role="alert" className="error">
        {t('loadError', { message: serverError(options.error) })}
      </p>
    );
  const o = options.data;
  if (!o) return null;
  const building = o.buildings.find((b) => b.id === buildingId) ?? null;
  const dueHours = o.categories.find((c) => c.name === cat)?.dueHours ?? null;

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const place =
      kind === 'building'
        ? {
            ...(buildingId ? { buildingId } : {}),
            ...(unitId ? { unitId } : {}),
            ...(floor ? { floor: Number(floor) } : {}),
          }
        : publicArea
          ? { publicArea }
          : {};
    create.mutate({
      slug,
      source,
      category: cat,
      description,
      ...place,
      ...(reporterName.trim() ? { reporterName: reporterName.trim() } : {}),
      ...(reporterPhone.trim() ? { reporterPhone: reporterPhone.trim() } : {}),
    });
  };

  return (
    <form
      className={`panel inline-form ${styles.newOrder}`}
      onSubmit={submit}
      data-testid="new-order"
      aria-label={t('newOrder')}
    >
      <label>
        {t('source')}
        <select value={source} onChange={(e) => setSource(e.target.value as typeof source)} name="source">
          {SOURCES.map((s) => (
            <option key={s} value={s}>
              {t(`sources.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('category')}
        <select value={cat} onChange={(e) => setCat(e.target.value)} name="category" required>
          <option value="">{t('choose')}</option>
          {o.categories.map((c) => (
            <option key={c.name} value={c.name}>
              {t('categoryOption', { category: category(c.name), hours: t('hours', { n: c.dueHours }) })}
            </option>
          ))}
        </select>
      </label>
      <fieldset className={styles.choices}>
        <legend>{t('placeKind')}</legend>
        <label>
          <input type="radio" name="placeKind" checked={kind === 'building'} onChange={() => setKind('building')} />
          {t('inBuilding')}
        </label>
        <label>
          <input type="radio" name="placeKind" checked={kind === 'area'} onChange={() => setKind('area')} />
          {t('publicArea')}
        </label>
      </fieldset>
      {kind === 'building' ? (
        <>
          <label>
            {t('building')}
            <select
              value={buildingId ?? ''}
              onChange={(e) => {
                setBuildingId(e.target.value ? Number(e.target.value) : null);
                setUnitId(null);
              }}
              name="building"
              required
            >
              <option value="">{t('choose')}</option>
              {o.buildings.map((b) => (
                <option key={b.id} value={b.id}>
                  {b.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('unit')} <span className="muted small">{t('optionalNote')}</span>
            <select
              value={unitId ?? ''}
              onChange={(e) => setUnitId(e.target.value ? Number(e.target.value) : null)}
              name="unit"
              disabled={!building}
            >
              <option value="">{t('wholeBuilding')}</option>
              {building?.units.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('floor')} <span className="muted small">{t('optionalNote')}</span>
            <input
              type="number"
              min={-5}
              max={building?.floors ?? 120}
              value={floor}
              onChange={(e) => setFloor(e.target.value)}
              name="floor"
              className={styles.narrow}
              disabled={!building}
            />
          </label>
        </>
      ) : (
        <label>
          {t('publicArea')}
          <select
            value={publicArea}
            onChange={(e) => setPublicArea(e.target.value as PublicArea | '')}
            name="publicArea"
            required
          >
            <option value="">{t('choose')}</option>
            {o.publicAreas.map((a) => (
              <option key={a} value={a}>
                {area(a)}
              </option>
            ))}
          </select>
        </label>
      )}
      <label className="full">
        {t('description')}
        <textarea
          value={description}
          onChange={(e) => setDescription(e.target.value)}
          name="description"
          required
          maxLength={1000}
          rows={2}
        />
      </label>
      <label>
        {t('reporterName')} <span className="muted small">{t('optionalNote')}</span>
        <input
          value={reporterName}
          onChange={(e) => setReporterName(e.target.value)}
          maxLength={40}
          name="reporterName"
        />
      </label>
      <label>
        {t('reporterPhone')} <span className="muted small">{t('optionalNote')}</span>
        <input
          value={reporterPhone}
          onChange={(e) => setReporterPhone(e.target.value)}
          maxLength={20}
          name="reporterPhone"
          inputMode="tel"
        />
      </label>
      <p className="full muted small">{t('reporterHint')}</p>
      {dueHours !== null && (
        <p className="full" data-testid="due-hint">
          {t('dueHint', { hours: dueHours, at: dateTime(addHoursTo(new Date(), dueHours)) })}
        </p>
      )}
      {create.error && (
        <p role="alert" className="error full">
          {serverError(create.error)}
        </p>
      )}
      <button type="submit" className="primary" disabled={create.isPending}>
        {t('create')}
      </button>
    </form>
  );
}
