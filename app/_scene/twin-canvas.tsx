'use client';
// The twin's one <Canvas>, loaded client-only (next/dynamic, ssr: false).
// frameloop="demand": nothing is drawn until something changes (a hover, a
// status, the camera). The bench (app/_scene/bench/) wraps this canvas to run
// the loop continuously and measure it; nothing here knows about it.
import { Canvas } from '@react-three/fiber';
import { useTranslations } from 'next-intl';
import { Suspense, useCallback, useMemo } from 'react';
import { BoxGeometry, type BufferGeometry, ConeGeometry, CylinderGeometry } from 'three';
import type { TwinScene } from '~/server/queries/twin-scene';
import { CameraRig } from './controls/camera-rig';
import { FloorBand } from './effects/floor-band';
import { Highlight } from './effects/highlight';
import { footprintBounds, toWorld } from './geometry';
import type { HeatCell } from './heat';
import { BeaconsLayer, type BeaconText } from './layers/beacons-layer';
import { BuildingsLayer, type Cut } from './layers/buildings-layer';
import { DevicesLayer } from './layers/devices-layer';
import { controllerStatusByUnit, shaftSpecs } from './layers/elevators';
import { ElevatorsLayer } from './layers/elevators-layer';
import { HeatStrip, TrajectoryReplay, type TrajectoryPoint } from './layers/incidents-layer';
import { PatrolLayer } from './layers/patrol-layer';
import { PolesLayer } from './layers/poles-layer';
import { BuildingModels } from './models/building-models';
import { MODEL_URLS, useModelGeometry } from './models/model-geometry';
import { SCENE_COLORS } from './palette';
import type { TwinPick, TwinRuntime } from './runtime';
import { SceneThemeContext } from './theme';
import { DEVICE_CLASSES } from '~/db/vocab';

export type TwinCanvasProps = {
  scene: TwinScene;
  runtime: TwinRuntime;
  cells: HeatCell[];
  trajectory: TrajectoryPoint[] | null;
  focusBuildingId: number | null;
  cut: Cut;
  show: { elevators: boolean; patrol: boolean; heat: boolean };
  onPick: (pick: TwinPick | null) => void;
  /** Device-pixel-ratio range; the big screen caps it at 1 at 4K so the drawing buffer stays within 4096×4096. */
  dpr?: number | [number, number];
  /** 'always' draws every frame (the bench measures frame rate); default 'demand'. */
  frameloop?: 'always' | 'demand';
  antialias?: boolean;
  /** 'dark' on the big screens (a dark wall), 'light' in the console (default). */
  theme?: 'light' | 'dark';
  /** The floor picked in the side panel, highlighted in 3D. */
  floor?: { buildingId: number; floor: number } | null;
  /** False: beacons glow steadily instead of pulsing (no timed frames). */
  beaconPulse?: boolean;
  /** Drawn instead of the device markers (the bench's one-mesh-per-sensor baseline). */
  devices?: React.ReactNode;
  /** More scene content inside the canvas (the bench's probe). */
  children?: React.ReactNode;
};

type ModelGeometries = { shaft: BufferGeometry; pole: BufferGeometry; patrol: BufferGeometry };

// Stand-ins drawn while the glTF models load (or if they fail to).
const FALLBACK: ModelGeometries = {
  shaft: new BoxGeometry(2.2, 1, 2.4).translate(0, 0.5, 0),
  pole: new CylinderGeometry(0.09, 0.12, 1, 6).translate(0, 0.5, 0),
  patrol: new ConeGeometry(0.55, 1.3, 6).rotateX(Math.PI).translate(0, 0.65, 0),
};

function ModelLayers(props: TwinCanvasProps & { models?: ModelGeometries }) {
  const { scene, runtime, cut, show, onPick } = props;
  const models = props.models ?? FALLBACK;
  const shafts = useMemo(() => shaftSpecs(scene.buildings, controllerStatusByUnit(scene.devices), cut), [scene, cut]);
  return (
    <>
      {show.elevators && <ElevatorsLayer specs={shafts} geometry={models.shaft} onPick={onPick} />}
      <PolesLayer poles={scene.poles} geometry={models.pole} />
      {show.patrol && (
        <PatrolLayer
          points={scene.patrolPoints}
          routes={scene.patrolRoutes}
          nowMs={scene.nowMs}
          geometry={models.patrol}
          runtime={runtime}
          onPick={onPick}
        />
      )}
    </>
  );
}

function LoadedModelLayers(props: TwinCanvasProps) {
  const models = {
    shaft: useModelGeometry(MODEL_URLS.shaft),
    pole: useModelGeometry(MODEL_URLS.pole),
    patrol: useModelGeometry(MODEL_URLS.patrol),
  };
  return <ModelLayers {...props} models={models} />;
}

/** A beacon's label: the device (class and code) and its place (building · unit · floor). */
function useBeaconText(scene: TwinScene, runtime: TwinRuntime): (i: number) => BeaconText {
  const t = useTranslations('twin');
  const places = useMemo(() => {
    const buildings = new Map(scene.buildings.map((b) => [b.id, b.name]));
    const units = new Map(scene.buildings.flatMap((b) => b.units.map((u) => [u.id, u.name] as const)));
    const byId = new Map(scene.devices.id.map((id, j) => [id, j]));
    return { buildings, units, byId };
  }, [scene]);
  return useCallback(
    (i: number) => {
      const d = scene.devices;
      const j = places.byId.get(runtime.devices.id[i] as number) ?? -1;
      const cls = DEVICE_CLASSES[d.cls[j] ?? 0] ?? 'smoke_detector';
      const building = places.buildings.get(d.buildingId[j] ?? -1);
      const unit = places.units.get(d.unitId[j] ?? -1);
      const floor = d.floor[j];
      return {
        name: `${t(`class.${cls}`)} ${d.code[j] ?? ''}`,
        place:
          [building, unit, floor == null ? null : t('beacon.floor', { n: floor })].filter(Boolean).join(' · ') ||
          t('beacon.grounds'),
      };
    },
    [scene, places, runtime, t],
  );
}

export default function TwinCanvas(props: TwinCanvasProps) {
  const { scene, runtime, onPick } = props;
  const theme = props.theme ?? 'light';
  const colors = SCENE_COLORS[theme];
  const beaconText = useBeaconText(scene, runtime);
  const ground = useMemo(() => {
    const all = scene.buildings.flatMap((b) => b.footprint);
    const r = all.length ? footprintBounds(all) : { x0: -50, y0: -50, x1: 50, y1: 50 };
    const [cx, , cz] = toWorld((r.x0 + r.x1) / 2, (r.y0 + r.y1) / 2);
    return { cx, cz, w: r.x1 - r.x0 + 80, d: r.y1 - r.y0 + 80 };
  }, [scene]);
  const pickDevice = (i: number) => onPick({ kind: 'device', deviceId: runtime.devices.id[i] as number });
  const hoverDevice = (i: number | null) =>
    runtime.setHover(
      i === null
        ? null
        : {
            kind: 'point',
            at: [
              runtime.devices.pos[i * 3] as number,
              (runtime.devices.pos[i * 3 + 1] as number) + 0.9,
              runtime.devices.pos[i * 3 + 2] as number,
            ],
          },
    );

  return (
    <Canvas
      frameloop={props.frameloop ?? 'demand'}
      dpr={props.dpr ?? [1, 2]}
      gl={{ antialias: props.antialias ?? true }}
      camera={{ fov: 40, near: 0.5, far: 6000, position: [0, 250, 350] }}
      // A cut floor clips its building with a plane (buildings-layer.tsx).
      onCreated={({ gl }) => {
        gl.localClippingEnabled = true;
      }}
      onPointerMissed={() => onPick(null)}
      style={{ background: colors.background }}
      data-testid="twin-canvas"
      data-theme={theme}
    >
      <SceneThemeContext.Provider value={theme}>
        {/* Dark: less ambient light, so roofs (lit from above) stand out from the walls. */}
        <ambientLight intensity={theme === 'dark' ? 1.1 : 1.7} />
        <directionalLight position={[120, 260, 180]} intensity={theme === 'dark' ? 2.6 : 2.2} />
        <directionalLight position={[-200, 120, -80]} intensity={0.5} />
        <mesh
          name="ground"
          rotation={[-Math.PI / 2, 0, 0]}
          position={[ground.cx, -0.05, ground.cz]}
          onPointerMove={() => runtime.setHover(null)}
        >
          <planeGeometry args={[ground.w, ground.d]} />
          <meshLambertMaterial color={colors.ground} />
        </mesh>
        <BuildingsLayer
          buildings={scene.buildings}
          runtime={runtime}
          focusBuildingId={props.focusBuildingId}
          cut={props.cut}
          onPick={onPick}
        />
        <BuildingModels buildings={scene.buildings} onPick={onPick} />
        <Suspense fallback={<ModelLayers {...props} />}>
          <LoadedModelLayers {...props} />
        </Suspense>
        {props.devices ?? <DevicesLayer store={runtime.devices} onHover={hoverDevice} onPick={pickDevice} />}
        {props.show.heat && <HeatStrip cells={props.cells} buildings={scene.buildings} onPick={onPick} />}
        {props.trajectory && <TrajectoryReplay points={props.trajectory} />}
        <BeaconsLayer
          store={runtime.devices}
          describe={beaconText}
          onPick={pickDevice}
          pulse={props.beaconPulse ?? props.frameloop !== 'always'}
        />
        <FloorBand buildings={scene.buildings} floor={props.floor ?? null} />
        <Highlight runtime={runtime} />
        <CameraRig buildings={scene.buildings} runtime={runtime} />
        {props.children}
      </SceneThemeContext.Provider>
    </Canvas>
  );
}
