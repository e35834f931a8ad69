'use client';
// The twin page's client side: loads the scene, owns what the user chose
// (selection, filters, cut floor, period) and lays out the canvas, the
// toolbar, the legend and the side panel. Per-frame state stays in the scene
// runtime, not here.
import { useQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import dynamic from 'next/dynamic';
import { useEffect, useMemo, useState } from 'react';
import { localToday } from '~/lib/calendar';
import { DEVICE_CLASSES, DEVICE_STATUSES } from '~/db/vocab';
import { heatCells } from '~/app/_scene/heat';
import { placeDevices } from '~/app/_scene/placement';
import { createRuntime, type TwinPick, type TwinRuntime } from '~/app/_scene/runtime';

export type TwinFocus = { kind: 'device' | 'building'; id: number };
import { createDeviceStore, liveTwin, setDeviceStatus, setFilters } from '~/app/_scene/store';
import { ConnectionBadge } from '~/app/_live/connection-badge';
import { useOptionalLive } from '~/app/_live/live-provider';
import { useTRPC } from '~/app/_trpc/client';
import styles from '../twin.module.css';
import { Legend } from './legend';
import { SidePanel } from './side-panel';
import { TwinToolbar } from './twin-toolbar';
import { useWebglSupport } from './use-webgl';

const TwinCanvas = dynamic(() => import('~/app/_scene/twin-canvas'), { ssr: false });

export type Bench = { scale: number; naive: boolean; lod: boolean } | null;
export type Cut = { buildingId: number; floor: number } | null;
export type Show = { elevators: boolean; patrol: boolean; heat: boolean };

/**
 * Runs `fly` once the scene's camera rig is ready: the rig installs the real
 * runtime.flyTo when it mounts inside the canvas (and sets its home view in
 * the same effect), so this watches that assignment and flies on the next
 * animation frame, after the home view. If the rig is already up, it flies on
 * the next frame. Returns a cancel function.
 */
function whenRigReady(runtime: TwinRuntime, fly: () => void): () => void {
  let frame = 0;
  const schedule = () => {
    frame = requestAnimationFrame(fly);
  };
  const placeholder = runtime.flyTo;
  if (placeholder.length > 0) {
    // Already installed: the rig's flyTo takes a target; the placeholder takes none.
    schedule();
    return () => cancelAnimationFrame(frame);
  }
  let current = placeholder;
  let done = false;
  Object.defineProperty(runtime, 'flyTo', {
    configurable: true,
    enumerable: true,
    get: () => current,
    set: (fn: TwinRuntime['flyTo']) => {
      current = fn;
      if (!done && fn.length > 0) {
        done = true;
        restore();
        schedule();
      }
    },
  });
  function restore() {
    Object.defineProperty(runtime, 'flyTo', { configurable: true, enumerable: true, writable: true, value: current });
  }
  return () => {
    if (!done) {
      done = true;
      restore();
    }
    cancelAnimationFrame(frame);
  };
}

function localDay(offsetDays: number): string {
  return localToday(new Date(Date.now() - offsetDays * 86_400_000));
}

export function TwinView({
  slug,
  name,
  bench,
  focus = null,
}: {
  slug: string;
  name: string;
  bench: Bench;
  focus?: TwinFocus | null;
}) {
  const t = useTranslations('twin');
  const trpc = useTRPC();
  const webgl = useWebglSupport();
  const scene = useQuery({ ...trpc.twin.scene.queryOptions({ slug }), staleTime: Infinity });
  const [days, setDays] = useState(90);
  const period = useMemo(() => ({ from: localDay(days - 1), to: localDay(0) }), [days]);
  const incidents = useQuery(trpc.twin.incidents.queryOptions({ slug, ...period }));
  const [pick, setPick] = useState<TwinPick | null>(null);
  const [cut, setCut] = useState<Cut>(null);
  const [classVisible, setClassVisible] = useState<boolean[]>(() => DEVICE_CLASSES.map(() => true));
  const [statusVisible, setStatusVisible] = useState<boolean[]>(() => DEVICE_STATUSES.map(() => true));
  const [show, setShow] = useState<Show>({ elevators: true, patrol: true, heat: true });
  const incidentId = pick?.kind === 'incident' ? pick.incidentId : null;
  const incident = useQuery({
    ...trpc.twin.incident.queryOptions({ id: incidentId ?? 0 }),
    enabled: incidentId !== null,
  });

  const runtime = useMemo(() => {
    if (!scene.data) return null;
    const devices = createDeviceStore(scene.data.devices, placeDevices(scene.data), bench?.scale ?? 1);
    if (bench && !bench.lod) devices.lod.near = Infinity;
    return createRuntime(devices);
  }, [scene.data, bench]);
  // ?focus=device:<id> | building:<id> (links from the alarm desk): select it
  // at once and fly there as soon as the camera rig has mounted and installed
  // runtime.flyTo (whenRigReady), not after a guessed delay.
  useEffect(() => {
    if (!runtime || !focus) return;
    if (focus.kind === 'device') setPick({ kind: 'device', deviceId: focus.id });
    return whenRigReady(runtime, () => {
      if (focus.kind === 'building') return runtime.flyTo({ kind: 'building', buildingId: focus.id });
      const i = runtime.devices.indexById.get(focus.id);
      if (i !== undefined)
        runtime.flyTo({
          kind: 'point',
          x: runtime.devices.pos[i * 3] as number,
          y: runtime.devices.pos[i * 3 + 1] as number,
          z: runtime.devices.pos[i * 3 + 2] as number,
        });
    });
  }, [runtime, focus]);
  useEffect(() => {
    if (!runtime) return;
    liveTwin.devices = runtime.devices;
    return () => {
      if (liveTwin.devices === runtime.devices) liveTwin.devices = null;
    };
  }, [runtime]);
  // Live frames repaint single markers through the scene's store: no React render.
  const live = useOptionalLive();
  useEffect(() => {
    if (!runtime || !live) return;
    return live.store.onDeviceStatus((id, status) => {
      setDeviceStatus(id, status, runtime.devices);
    });
  }, [runtime, live]);
  useEffect(() => {
    if (runtime) setFilters(runtime.devices, { classVisible, statusVisible, cut });
  }, [runtime, classVisible, statusVisible, cut]);
  const heat = useMemo(() => heatCells(incidents.data ?? []), [incidents.data]);

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
    body = (
      <TwinCanvas
        scene={scene.data}
        runtime={runtime}
        cells={heat.cells}
        trajectory={incidentId !== null && incident.data?.trajectory ? incident.data.trajectory : null}
        focusBuildingId={focusBuildingId}
        cut={cut}
        show={show}
        bench={bench ? { mode: bench.naive ? 'naive' : 'instanced' } : null}
        onPick={setPick}
      />
    );
  }

  return (
    <div className={styles.twin} data-testid="twin">
      <section className={styles.stage} aria-label={t('title', { name })}>
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
            onHit={(hit) => {
              if (!runtime) return;
              if (hit.kind === 'unit') {
                setPick({ kind: 'unit', unitId: hit.unitId, buildingId: hit.buildingId });
                runtime.flyTo({ kind: 'unit', unitId: hit.unitId });
              } else {
                setPick({ kind: 'device', deviceId: hit.deviceId });
                const i = runtime.devices.indexById.get(hit.deviceId);
                if (i !== undefined)
                  runtime.flyTo({
                    kind: 'point',
                    x: runtime.devices.pos[i * 3] as number,
                    y: runtime.devices.pos[i * 3 + 1] as number,
                    z: runtime.devices.pos[i * 3 + 2] as number,
                  });
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
