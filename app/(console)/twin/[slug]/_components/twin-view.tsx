'use client';
// The twin page's client side: loads the scene, owns what the user chose
// (selection, filters, cut floor, period) and lays out the canvas, the
// toolbar, the legend and the side panel. Per-frame state stays in the scene
// runtime, not here.
import { useQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import dynamic from 'next/dynamic';
import { useEffect, useMemo, useState } from 'react';
import { addLocalDays, localToday } from '~/lib/calendar';
import { DEVICE_CLASSES, DEVICE_STATUSES } from '~/db/vocab';
import { heatCells } from '~/app/_scene/heat';
import type { TwinPick } from '~/app/_scene/runtime';
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

/** The local date `offsetDays` days before today. */
function localDay(offsetDays: number): string {
  return addLocalDays(localToday(), -offsetDays);
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
  }, [runtime, focus]);
  useEffect(() => {
    runtime?.setFilters({ classVisible, statusVisible, cut });
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
    const canvas = {
      scene: scene.data,
      runtime,
      cells: heat.cells,
      trajectory: incidentId !== null && incident.data?.trajectory ? incident.data.trajectory : null,
      focusBuildingId,
      cut,
      show,
      onPick: setPick,
    };
    body = bench ? <BenchCanvas {...canvas} mode={bench.naive ? 'naive' : 'instanced'} /> : <TwinCanvas {...canvas} />;
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
