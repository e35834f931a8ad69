'use client';
// The twin in the middle of a community screen: the console's TwinCanvas and
// runtime, driven by the tour instead of a mouse. Live device statuses repaint
// markers through the scene store, as on the console.
import { useQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import dynamic from 'next/dynamic';
import { useEffect, useMemo, useState } from 'react';
import { useLive } from '~/app/_live/live-provider';
import { placeDevices } from '~/app/_scene/placement';
import { createRuntime } from '~/app/_scene/runtime';
import { createDeviceStore, setDeviceStatus } from '~/app/_scene/store';
import { useTRPC } from '~/app/_trpc/client';
import styles from './screen.module.css';
import { useTour } from './use-tour';

const TwinCanvas = dynamic(() => import('~/app/_scene/twin-canvas'), { ssr: false });
const SHOW = { elevators: true, patrol: false, heat: false };

export function TwinStage({ slug }: { slug: string }) {
  const t = useTranslations('screen');
  const trpc = useTRPC();
  const { store } = useLive();
  const scene = useQuery({ ...trpc.twin.scene.queryOptions({ slug }), staleTime: Infinity });
  const runtime = useMemo(() => (scene.data ? createRuntime(createDeviceStore(scene.data.devices, placeDevices(scene.data))) : null), [scene.data]);
  useEffect(() => {
    if (!runtime) return;
    return store.onDeviceStatus((id, status) => setDeviceStatus(id, status, runtime.devices));
  }, [runtime, store]);
  const buildings = useMemo(() => scene.data?.buildings.map((b) => ({ id: b.id, name: b.name })) ?? [], [scene.data]);
  const tour = useTour(runtime, buildings, store, t('tourHome'));
  // 4K: a DPR of 1 keeps the drawing buffer within 4096×4096 (and SwiftShader's budget).
  const [dpr, setDpr] = useState<[number, number]>([1, 2]);
  useEffect(() => setDpr(window.innerWidth >= 3000 ? [1, 1] : [1, 2]), []);

  return (
    <div data-testid="screen-twin" data-tour-target={tour.target} data-tour-paused={tour.paused} style={{ position: 'absolute', inset: 0 }}>
      {scene.data && runtime ? (
        <TwinCanvas scene={scene.data} runtime={runtime} cells={[]} trajectory={null} focusBuildingId={null} cut={null} show={SHOW} bench={null} onPick={() => {}} dpr={dpr} />
      ) : (
        <div className={styles.placeholder}>{scene.isError ? t('twinUnavailable') : t('loading')}</div>
      )}
      <div className={styles.tour}>{tour.paused ? t('tourPaused') : t('tourRunning')} · {tour.label}</div>
    </div>
  );
}
