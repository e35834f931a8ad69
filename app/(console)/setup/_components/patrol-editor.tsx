'use client';
// Patrol setup: points (placed by a click on the site plan, or typed), routes as ordered points
// each due some minutes after the start within a window, and each route's plans.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useLocale, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { serverErrorMessage } from '~/app/_components/ui/server-error';
import { useTRPC } from '~/app/_trpc/client';
import { PATROL_FREQUENCIES, type PatrolFrequency } from '~/db/vocab';
import { SitePlan } from './site-plan';
import styles from '../setup.module.css';

type PointDraft = { code: string; name: string; buildingId: string; x: string; y: string };
const EMPTY_POINT: PointDraft = { code: '', name: '', buildingId: '', x: '', y: '' };
type Stop = { pointId: number; dueMinutes: number; windowMinutes: number };
type Plan = {
  id?: number;
  frequency: PatrolFrequency;
  weekdays: number[];
  startTime: string;
  anchorDate: string | null;
  shift: string | null;
};

export function PatrolEditor({ slug }: { slug: string }) {
  const t = useTranslations('setup');
  const locale = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const setup = useQuery(trpc.patrol.setup.queryOptions({ slug }));
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: trpc.patrol.setup.queryKey({ slug }) });
    router.refresh();
  };
  const [point, setPoint] = useState<PointDraft>(EMPTY_POINT);
  const [editingPoint, setEditingPoint] = useState<number | null>(null);
  const pointDone = () => {
    setPoint(EMPTY_POINT);
    setEditingPoint(null);
    refresh();
  };
  const createPoint = useMutation(trpc.patrol.createPoint.mutationOptions({ onSuccess: pointDone }));
  const updatePoint = useMutation(trpc.patrol.updatePoint.mutationOptions({ onSuccess: pointDone }));
  const deletePoint = useMutation(trpc.patrol.deletePoint.mutationOptions({ onSuccess: refresh }));
  const pointError = createPoint.error ?? updatePoint.error ?? deletePoint.error;

  const data = setup.data;
  const points = data?.points ?? [];
  const buildings = data?.buildings ?? [];
  const pointInput = () => ({
    code: point.code,
    name: point.name,
    buildingId: point.buildingId ? Number(point.buildingId) : null,
    x: Number(point.x),
    y: Number(point.y),
  });

  return (
    <>
      <p className="muted">{t('patrolLead')}</p>
      <section className={styles.section} aria-labelledby="points-title">
        <h2 id="points-title">{t('pointsTitle')}</h2>
        <div className="split">
          <div>
            <SitePlan
              label={t('planLabel')}
              buildings={buildings}
              marks={[
                ...points.map((p) => ({ id: p.id, label: p.code, x: p.x, y: p.y, active: p.id === editingPoint })),
                ...(point.x !== '' && point.y !== '' && editingPoint === null
                  ? [{ id: -1, label: point.code || '＋', x: Number(point.x), y: Number(point.y), active: true }]
                  : []),
              ]}
              onPick={(x, y) => setPoint((p) => ({ ...p, x: String(x), y: String(y) }))}
            />
            <p className={styles.hint}>{t('planHint')}</p>
          </div>
          <form
            className={`panel ${styles.form}`}
            data-testid="setup-point-form"
            onSubmit={(e) => {
              e.preventDefault();
              if (editingPoint) updatePoint.mutate({ id: editingPoint, ...pointInput() });
              else createPoint.mutate({ slug, ...pointInput() });
            }}
          >
            <label>
              {t('field.pointCode')}
              <input
                required
                maxLength={32}
                pattern="[A-Za-z0-9_\-]{1,32}"
                placeholder="GY-01"
                value={point.code}
                onChange={(e) => setPoint({ ...point, code: e.target.value })}
              />
            </label>
            <label>
              {t('field.pointName')}
              <input
                required
                maxLength={60}
                placeholder="东门岗亭"
                value={point.name}
                onChange={(e) => setPoint({ ...point, name: e.target.value })}
              />
            </label>
            <label>
              {t('field.building')}
              <select value={point.buildingId} onChange={(e) => setPoint({ ...point, buildingId: e.target.value })}>
                <option value="">{t('noBuilding')}</option>
                {buildings.map((b) => (
                  <option key={b.id} value={b.id}>
                    {b.name}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('field.x')}
              <input
                required
                inputMode="decimal"
                value={point.x}
                onChange={(e) => setPoint({ ...point, x: e.target.value })}
              />
            </label>
            <label>
              {t('field.y')}
              <input
                required
                inputMode="decimal"
                value={point.y}
                onChange={(e) => setPoint({ ...point, y: e.target.value })}
              />
            </label>
            <div className={`${styles.actions} ${styles.wide}`}>
              <button type="submit" className="primary">
                {editingPoint ? t('save') : t('addPoint')}
              </button>
              {editingPoint && (
                <button type="button" onClick={() => (setEditingPoint(null), setPoint(EMPTY_POINT))}>
                  {t('cancel')}
                </button>
              )}
              {pointError && (
                <span role="alert" className="error">
                  {serverErrorMessage(pointError, locale)}
                </span>
              )}
            </div>
          </form>
        </div>
        {points.length > 0 && (
          <div className="table-scroll">
            <table className="small" data-testid="setup-points">
              <thead>
                <tr>
                  <th scope="col">{t('field.pointCode')}</th>
                  <th scope="col">{t('field.pointName')}</th>
                  <th scope="col">{t('field.building')}</th>
                  <th scope="col">x / y (m)</th>
                  <th scope="col" />
                </tr>
              </thead>
              <tbody>
                {points.map((p) => (
                  <tr key={p.id}>
                    <td>{p.code}</td>
                    <td>{p.name}</td>
                    <td>{buildings.find((b) => b.id === p.buildingId)?.name ?? '—'}</td>
                    <td>
                      {p.x.toFixed(1)} / {p.y.toFixed(1)}
                    </td>
                    <td className={styles.actions}>
                      <button
                        type="button"
                        onClick={() => {
                          setEditingPoint(p.id);
                          setPoint({
                            code: p.code,
                            name: p.name,
                            buildingId: p.buildingId ? String(p.buildingId) : '',
                            x: String(p.x),
                            y: String(p.y),
                          });
                        }}
                      >
                        {t('edit')}
                      </button>
                      <button
                        type="button"
                        onClick={() =>
                          window.confirm(t('confirmDelete', { name: p.code })) && deletePoint.mutate({ id: p.id })
                        }
                      >
                        {t('delete')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section className={styles.section} aria-labelledby="routes-title">
        <h2 id="routes-title">{t('routesTitle')}</h2>
        {points.length === 0 && <p className="notice">{t('routesNeedPoints')}</p>}
        {data?.routes.map((r) => (
          <RouteCard key={r.id} slug={slug} route={r} points={points} onChanged={refresh} />
        ))}
        {points.length > 0 && <RouteCard slug={slug} route={null} points={points} onChanged={refresh} />}
      </section>
    </>
  );
}

function RouteCard({
  slug,
  route,
  points,
  onChanged,
}: {
  slug: string;
  route: { id: number; name: string; stops: Stop[]; plans: Plan[] } | null;
  points: Array<{ id: number; code: string; name: string }>;
  onChanged: () => void;
}) {
  const t = useTranslations('setup');
  const locale = useLocale();
  const trpc = useTRPC();
  const [name, setName] = useState(route?.name ?? '');
  const [stops, setStops] = useState<Stop[]>(route?.stops ?? []);
  const [plans, setPlans] = useState<Plan[]>(route?.plans ?? []);
  const create = useMutation(
    trpc.patrol.createRoute.mutationOptions({
      onSuccess: () => {
        setName('');
        setStops([]);
        onChanged();
      },
    }),
  );
  const update = useMutation(trpc.patrol.updateRoute.mutationOptions({ onSuccess: onChanged }));
  const remove = useMutation(trpc.patrol.deleteRoute.mutationOptions({ onSuccess: onChanged }));
  const savePlans = useMutation(trpc.patrol.setPlans.mutationOptions({ onSuccess: onChanged }));
  const error = create.error ?? update.error ?? remove.error ?? savePlans.error;
  const setStop = (i: number, patch: Partial<Stop>) =>
    setStops(stops.map((s, j) => (j === i ? { ...s, ...patch } : s)));
  const move = (i: number, by: -1 | 1) => {
    const next = [...stops];
    const [s] = next.splice(i, 1);
    next.splice(i + by, 0, s!);
    setStops(next);
  };
  const setPlan = (i: number, patch: Partial<Plan>) =>
    setPlans(plans.map((p, j) => (j === i ? { ...p, ...patch } : p)));
  const title = route ? route.name : t('routeNew');
  return (
    <div className={`panel ${styles.section}`} data-testid={route ? `setup-route-${route.id}` : 'setup-route-new'}>
      <h3>{title}</h3>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (route) update.mutate({ id: route.id, name, stops });
          else create.mutate({ slug, name, stops });
        }}
      >
        <div className={styles.form}>
          <label>
            {t('field.routeName')}
            <input
              required
              maxLength={60}
              value={name}
              placeholder="夜间巡更"
              onChange={(e) => setName(e.target.value)}
            />
          </label>
        </div>
        <table className="small">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">{t('field.point')}</th>
              <th scope="col">{t('field.dueMinutes')}</th>
              <th scope="col">{t('field.windowMinutes')}</th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {stops.map((s, i) => (
              <tr key={i}>
                <td>{i + 1}</td>
                <td>
                  <select
                    value={s.pointId}
                    aria-label={t('field.point')}
                    onChange={(e) => setStop(i, { pointId: Number(e.target.value) })}
                  >
                    {points.map((p) => (
                      <option key={p.id} value={p.id}>
                        {p.code} {p.name}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <input
                    type="number"
                    min={0}
                    max={1440}
                    aria-label={t('field.dueMinutes')}
                    value={s.dueMinutes}
                    onChange={(e) => setStop(i, { dueMinutes: Number(e.target.value) })}
                  />
                </td>
                <td>
                  <input
                    type="number"
                    min={1}
                    max={240}
                    aria-label={t('field.windowMinutes')}
                    value={s.windowMinutes}
                    onChange={(e) => setStop(i, { windowMinutes: Number(e.target.value) })}
                  />
                </td>
                <td className={styles.actions}>
                  <button type="button" disabled={i === 0} onClick={() => move(i, -1)} aria-label={t('up')}>
                    ↑
                  </button>
                  <button
                    type="button"
                    disabled={i === stops.length - 1}
                    onClick={() => move(i, 1)}
                    aria-label={t('down')}
                  >
                    ↓
                  </button>
                  <button type="button" onClick={() => setStops(stops.filter((_, j) => j !== i))}>
                    {t('remove')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className={styles.actions}>
          <button
            type="button"
            onClick={() =>
              setStops([
                ...stops,
                {
                  pointId: points[Math.min(stops.length, points.length - 1)]!.id,
                  dueMinutes: stops.length ? stops[stops.length - 1]!.dueMinutes + 10 : 0,
                  windowMinutes: 15,
                },
              ])
            }
          >
            {t('addStop')}
          </button>
          <button type="submit" className="primary" disabled={stops.length === 0}>
            {route ? t('saveRoute') : t('addRoute')}
          </button>
          {route && (
            <button
              type="button"
              onClick={() =>
                window.confirm(t('confirmDelete', { name: route.name })) && remove.mutate({ id: route.id })
              }
            >
              {t('delete')}
            </button>
          )}
        </div>
      </form>

      {route && (
        <form
          className={styles.section}
          onSubmit={(e) => {
            e.preventDefault();
            savePlans.mutate({ id: route.id, plans });
          }}
        >
          <h4>{t('plansTitle')}</h4>
          {plans.map((p, i) => (
            <div key={p.id ?? `new-${i}`} className={styles.form} style={{ marginBottom: '0.5rem' }}>
              <label>
                {t('field.frequency')}
                <select
                  value={p.frequency}
                  onChange={(e) => setPlan(i, { frequency: e.target.value as PatrolFrequency })}
                >
                  {PATROL_FREQUENCIES.map((f) => (
                    <option key={f} value={f}>
                      {t(`frequency.${f}`)}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                {t('field.startTime')}
                <input
                  type="time"
                  required
                  value={p.startTime}
                  onChange={(e) => setPlan(i, { startTime: e.target.value })}
                />
              </label>
              <label>
                {t('field.shift')}
                <input
                  maxLength={20}
                  list="setup-shifts"
                  value={p.shift ?? ''}
                  onChange={(e) => setPlan(i, { shift: e.target.value || null })}
                />
              </label>
              {p.frequency === 'weekly' && (
                <fieldset className={styles.wide}>
                  <legend>{t('field.weekdays')}</legend>
                  <div className={styles.checks}>
                    {[1, 2, 3, 4, 5, 6, 7].map((d) => (
                      <label key={d}>
                        <input
                          type="checkbox"
                          checked={p.weekdays.includes(d)}
                          onChange={() =>
                            setPlan(i, {
                              weekdays: p.weekdays.includes(d) ? p.weekdays.filter((w) => w !== d) : [...p.weekdays, d],
                            })
                          }
                        />
                        {t(`weekday.${d}`)}
                      </label>
                    ))}
                  </div>
                </fieldset>
              )}
              {p.frequency === 'every_other_day' && (
                <label>
                  {t('field.anchorDate')}
                  <input
                    type="date"
                    required
                    value={p.anchorDate ?? ''}
                    onChange={(e) => setPlan(i, { anchorDate: e.target.value || null })}
                  />
                </label>
              )}
              <div className={styles.actions}>
                <button type="button" onClick={() => setPlans(plans.filter((_, j) => j !== i))}>
                  {t('remove')}
                </button>
              </div>
            </div>
          ))}
          <datalist id="setup-shifts">
            <option value="日班" />
            <option value="夜班" />
          </datalist>
          <div className={styles.actions}>
            <button
              type="button"
              onClick={() =>
                setPlans([
                  ...plans,
                  { frequency: 'daily', weekdays: [], startTime: '21:00', anchorDate: null, shift: '夜班' },
                ])
              }
            >
              {t('addPlan')}
            </button>
            <button type="submit" className="primary">
              {t('savePlans')}
            </button>
            {savePlans.isSuccess && (
              <span role="status" className="ok">
                {t('saved')}
              </span>
            )}
          </div>
        </form>
      )}
      {error && (
        <p role="alert" className="error">
          {serverErrorMessage(error, locale)}
        </p>
      )}
    </div>
  );
}
