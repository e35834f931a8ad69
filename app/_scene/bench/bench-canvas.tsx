'use client';
// The twin's canvas in bench mode (?bench=1), loaded by the twin page only
// when that flag is set, so the production scene never imports the bench:
// frames drawn continuously at DPR 1 without antialiasing (software WebGL
// halves its frame rate with it, docs/ARCHITECTURE.md § Measured facts), the
// probe npm run bench reads, and, with naive=1, one mesh per sensor instead
// of the instanced markers.
import TwinCanvas, { type TwinCanvasProps } from '../twin-canvas';
import { BenchProbe, type BenchMode } from './bench-probe';
import { NaiveDevicesLayer } from './naive-devices-layer';

export default function BenchCanvas({ mode, ...props }: TwinCanvasProps & { mode: BenchMode }) {
  const { runtime, scene } = props;
  return (
    <TwinCanvas
      {...props}
      frameloop="always"
      dpr={1}
      antialias={false}
      devices={mode === 'naive' ? <NaiveDevicesLayer store={runtime.devices} /> : undefined}
    >
      <BenchProbe markers={runtime.devices.count} mode={mode} buildings={scene.buildings} />
    </TwinCanvas>
  );
}
