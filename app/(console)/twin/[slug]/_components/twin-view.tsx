'use client';
// The twin page's client side: loads the scene, owns what the user chose
// (selection, filters, cut floor, period) and lays out the canvas, the
// toolbar, the legend and the side panel. Per-frame state stays in the scene
// runtime, not here.
import { useQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import dynamic from 'next/dynamic';
import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { addLocalDays, localToday } from '~/lib/calendar';
import { DEVICE_CLASSES, DEVICE_STATUSES } from '~/db/vocab';
import { watchCriticalAlarms } from '~/app/_scene/controls/critical-alarms';
import { heatCells } from '~/app/_scene/heat';
import type { TwinPick, TwinRuntime } from '~/app/_scene/runtime';
import { beaconCounts } from '~/app/_scene/store';
import type { AlarmSeverity } from '~/db/vocab';
import { useTwinRuntime } from '~/app/_scene/use-twin-runtime';
import { ConnectionBadge } from '~/app/_live/connection-badge';
import { useOptionalLive } from '~/app/_live/live-provider';
import { useTRPC } from '~/app/_trpc/client';
import styles from '../twin.module.css';
import { Legend } from './legend';
import { SidePanel } from './side-panel';
import { TwinToolbar } from './twin-toolbar';
import { useWebglSupport } from './use-webgl';

const TwinCanvas = dynamic(() => import('~/app/_scene/twin-canvas'), { ssr: false });
// Only the bench page (?bench=1) loads this chunk: the production scene does not import the bench.
const BenchCanvas = dynamic(() => import('~/app/_scene/bench/bench-canvas'), { ssr: false });

export type TwinFocus = { kind: 'device' | 'building'; id: number };
export type Bench = { scale: number; naive: boolean; lod: boolean } | null;
export type Cut = { buildingId: number; floor: number } | null;
export type Show = { elevators: boolean; patrol: boolean; heat: boolean };

const SEVERITY_RANK: Record<AlarmSeverity, number> = { critical: 4, major: 3, minor: 2, warning: 1 };
const noSubscription = () => () => {};

/**
 * The beacons' device ids, most severe first: devices in alarm before those in
 * fault, and among alarms by the worst open alarm on the device (紧急 first).
 */
function beaconOrder(
  runtime: TwinRuntime,
  alarms: Iterable<{ deviceId: number | null; severity: AlarmSeverity }>,
): number[] {
  const worst = new Map<number, number>();
  for (const a of alarms)
    if (a.deviceId !== null) worst.set(a.deviceId, Math.max(worst.get(a.deviceId) ?? 0, SEVERITY_RANK[a.severity]));
  const d = runtime.devices;
  const alarm = DEVICE_STATUSES.indexOf('alarm');
  const rank = (i: number) => (d.status[i] === alarm ? 10 : 0) + (worst.get(d.id[i] as number) ?? 0);
  return [...d.beacons].sort((a, b) => rank(b) - rank(a) || a - b).map((i) => d.id[i] as number);
}

/** The local date `offsetDays` days before today. */
function localDay(offsetDays: number): string {
  return addLocalDays(localToday(), -offsetDays);
}

export function TwinView({
  slug,
  name,
  bench,
  focus = null,
  theme = 'light',
}: {
  slug: string;
  name: string;
  bench: Bench;
  focus?: TwinFocus | null;
  theme?: 'light' | 'dark';
}) {
  const t = useTranslations('twin');
  const trpc = useTRPC();
  const webgl = useWebglSupport();
  const scene = useQuery({ ...trpc.twin.scene.queryOptions({ slug }), staleTime: Infinity });
  const [days, setDays] = useState(90);
  const period = useMemo(() => ({ from: localDay(days - 1), to: localDay(0) }), [days]);
  const incidents = useQuery(trpc.twin.incidents.queryOptions({ slug, ...period }));
  // ?focus=device:<id> (a link from the alarm desk) opens with that device picked.
  const [pick, setPick] = useState<TwinPick | null>(() =>
    focus?.kind === 'device' ? { kind: 'device', deviceId: focus.id } : null,
  );
  const [cut, setCut] = useState<Cut>(null);
  const [classVisible, setClassVisible] = useState<boolean[]>(() => DEVICE_CLASSES.map(() => true));
  const [statusVisible, setStatusVisible] = useState<boolean[]>(() => DEVICE_STATUSES.map(() => true));
  const [show, setShow] = useState<Show>({ elevators: true, patrol: true, heat: true });
  const incidentId = pick?.kind === 'incident' ? pick.incidentId : null;
  const incident = useQuery({
    ...trpc.twin.incident.queryOptions({ id: incidentId ?? 0 }),
    enabled: incidentId !== null,
  });

  // Live frames repaint single markers through the scene runtime: no React render.
  const live = useOptionalLive();
  const runtime = useTwinRuntime(scene.data, {
    live: live?.store ?? null,
    scale: bench?.scale,
    lod: bench?.lod,
  });
  // ?focus=device:<id> | building:<id>: the fly-to waits in the runtime's queue until the camera
  // rig has mounted and set its home view.
  useEffect(() => {
    if (!runtime || !focus) return;
    runtime.flyTo(
      focus.kind === 'device' ? { kind: 'device', deviceId: focus.id } : { kind: 'building', buildingId: focus.id },
    );
    // A device is ringed too: it may sit inside a lift shaft or behind a wall.
    const at = focus.kind === 'device' ? runtime.devicePoint(focus.id) : null;
    if (at) runtime.setHover({ kind: 'point', at: [at.x, at.y + 0.9, at.z] });
  }, [runtime, focus]);
  useEffect(() => {
    runtime?.setFilters({ classVisible, statusVisible, cut });
  }, [runtime, classVisible, statusVisible, cut]);
  const heat = useMemo(() => heatCells(incidents.data ?? []), [incidents.data]);

  // The alarm / fault count, live: the runtime says when its beacons change.
  useSyncExternalStore(
    runtime?.subscribe ?? noSubscription,
    () => runtime?.getVersion() ?? 0,
    () => 0,
  );
  const beacons = runtime ? beaconCounts(runtime.devices) : null;
  const lastBeacon = useRef<number | null>(null);
  const flyToDevice = (deviceId: number) => {
    setPick({ kind: 'device', deviceId });
    runtime?.flyTo({ kind: 'device', deviceId });
    // Ring the device, as the big screen does for the alarm it holds on.
    const at = runtime?.devicePoint(deviceId);
    if (at) runtime?.setHover({ kind: 'point', at: [at.x, at.y + 0.9, at.z] });
  };
  const nextBeacon = () => {
    if (!runtime) return;
    const order = beaconOrder(runtime, live?.store.alarms.values() ?? []);
    if (order.length === 0) return;
    const k = lastBeacon.current === null ? -1 : order.indexOf(lastBeacon.current);
    const id = order[(k + 1) % order.length] as number;
    lastBeacon.current = id;
    flyToDevice(id);
  };

  // A new 紧急 alarm: fly to its device and select it, unless the user turned following off.
  const [follow, setFollow] = useState(true);
  useEffect(() => {
    const store = live?.store;
    if (!runtime || !store || !follow) return;
    return watchCriticalAlarms(store, (a) => {
      if (a.deviceId === null || !runtime.devices.indexById.has(a.deviceId)) return false;
      setPick({ kind: 'device', deviceId: a.deviceId });
      runtime.flyTo({ kind: 'device', deviceId: a.deviceId });
      const at = runtime.devicePoint(a.deviceId);
      if (at) runtime.setHover({ kind: 'point', at: [at.x, at.y + 0.9, at.z] });
    });
  }, [runtime, live?.store, follow]);

  // Where the camera last flew, for tests and tools (as the big screen's data-tour-centre): written directly, no render.
  const stage = useRef<HTMLElement>(null);
  useEffect(() => {
    if (!runtime) return;
    const write = () => {
      const el = stage.current;
      if (el && runtime.cameraTarget) el.dataset.cameraTarget = runtime.cameraTarget.map((v) => v.toFixed(1)).join(',');
    };
    write();
    return runtime.subscribe(write);
  }, [runtime]);

  // Picking a unit or a floor keeps its building as the one whose floors a click picks.
  const focusBuildingId =
    pick && (pick.kind === 'building' || pick.kind === 'unit' || pick.kind === 'floor')
      ? pick.buildingId
      : (cut?.buildingId ?? null);

  let body: React.ReactNode;
  if (webgl === false) {
    body = (
      <div className={styles.state} role="alert" data-testid="twin-no-webgl">
        <p>{t('noWebgl')}</p>
      </div>
    );
  } else if (scene.isError) {
    body = (
      <div className={styles.state} role="alert">
        <p>{t('loadError', { message: scene.error.message })}</p>
        <button type="button" onClick={() => void scene.refetch()}>
          {t('retry')}
        </button>
      </div>
    );
  } else if (!scene.data || !runtime || webgl === null) {
    body = (
      <div className={styles.state} aria-busy="true">
        <p>{t('loading')}</p>
      </div>
    );
  } else if (scene.data.buildings.length === 0) {
    body = (
      <div className={styles.state}>
        <p>{t('empty')}</p>
      </div>
    );
  } else {
    const canvas = {
      scene: scene.data,
      runtime,
      cells: heat.cells,
      trajectory: incidentId !== null && incident.data?.trajectory ? incident.data.trajectory : null,
      focusBuildingId,
      cut,
      show,
      onPick: setPick,
      theme,
      floor: pick?.kind === 'floor' ? { buildingId: pick.buildingId, floor: pick.floor } : null,
    };
    body = bench ? <BenchCanvas {...canvas} mode={bench.naive ? 'naive' : 'instanced'} /> : <TwinCanvas {...canvas} />;
  }

  return (
    <div className={styles.twin} data-testid="twin">
      <section ref={stage} className={styles.stage} aria-label={t('title', { name })} data-testid="twin-stage">
        {body}
        {live && (
          <div className={styles.live}>
            <ConnectionBadge />
          </div>
        )}
        {webgl !== false && (
          <TwinToolbar
            name={name}
            scene={scene.data ?? null}
            days={days}
            onDays={setDays}
            show={show}
            onShow={setShow}
            onHome={() => runtime?.flyTo({ kind: 'home' })}
            beacons={beacons}
            onNextBeacon={nextBeacon}
            follow={follow}
            onFollow={setFollow}
            onHit={(hit) => {
              if (hit.kind === 'unit') {
                setPick({ kind: 'unit', unitId: hit.unitId, buildingId: hit.buildingId });
                runtime?.flyTo({ kind: 'unit', unitId: hit.unitId });
              } else {
                setPick({ kind: 'device', deviceId: hit.deviceId });
                runtime?.flyTo({ kind: 'device', deviceId: hit.deviceId });
              }
            }}
          />
        )}
      </section>
      {/* Details and legend share the side column, leaving the whole canvas to the scene. */}
      <div className={styles.side}>
        <SidePanel
          slug={slug}
          scene={scene.data ?? null}
          pick={pick}
          cut={cut}
          incidents={incidents.data ?? []}
          onPick={setPick}
          onCut={setCut}
          onFly={(target) => runtime?.flyTo(target)}
        />
        {scene.data && (
          <Legend
            classVisible={classVisible}
            statusVisible={statusVisible}
            onClassVisible={setClassVisible}
            onStatusVisible={setStatusVisible}
            bandOnly={heat.bandOnly}
          />
        )}
      </div>
    </div>
  );
}
