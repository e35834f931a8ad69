'use client';
// The twin in the middle of a community screen: the console's TwinCanvas and
// scene runtime (useTwinRuntime), driven by the camera tour instead of a
// mouse. Live device statuses repaint markers through the runtime, as on the
// console.
import { useQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import dynamic from 'next/dynamic';
import { useMemo, useRef } from 'react';
import { useLive } from '~/app/_live/live-provider';
import type { TourStop } from '~/app/_scene/controls/tour';
import { useTwinRuntime } from '~/app/_scene/use-twin-runtime';
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
  const homeLabel = t('tourHome');
  // The whole community first, then every building in turn.
  const tourStops = useMemo<TourStop[] | null>(
    () =>
      scene.data
        ? [
            { key: 'home', label: homeLabel, target: { kind: 'home' } },
            ...scene.data.buildings.map((b) => ({
              key: `building:${b.id}`,
              label: b.name,
              target: { kind: 'building' as const, buildingId: b.id },
            })),
          ]
        : null,
    [scene.data, homeLabel],
  );
  const runtime = useTwinRuntime(scene.data, { live: store, tourStops });
  const box = useRef<HTMLDivElement>(null);
  const tour = useTour(runtime, store, box);

  return (
    <div
      ref={box}
      data-testid="screen-twin"
      data-tour-target={tour?.target}
      data-tour-paused={tour?.paused ?? false}
      className={styles.twin}
    >
      {scene.data && runtime ? (
        <TwinCanvas
          scene={scene.data}
          runtime={runtime}
          cells={[]}
          trajectory={null}
          focusBuildingId={null}
          cut={null}
          show={SHOW}
          onPick={() => {}}
          // The wall is dark: the scene's dark theme (dark ground and buildings, glowing status markers).
          theme="dark"
          // 4K: a DPR of 1 keeps the drawing buffer within 4096×4096 (and SwiftShader's budget). Read in the
          // browser only: a runtime exists only there (useTwinRuntime builds it in an effect).
          dpr={window.innerWidth >= 3000 ? [1, 1] : [1, 2]}
        />
      ) : (
        <div className={styles.placeholder}>{scene.isError ? t('twinUnavailable') : t('loading')}</div>
      )}
      {tour && (
        <div className={styles.tour} data-testid="tour-state" data-alarm={tour.alarm} role="status">
          <span className={styles.tourDot} data-paused={tour.paused} aria-hidden />
          {t(tour.paused ? 'tourPaused' : tour.alarm ? 'tourAlarm' : 'tourRunning', { label: tour.label })}
          {tour.paused && <small>{t('tourKeys')}</small>}
        </div>
      )}
    </div>
  );
}
