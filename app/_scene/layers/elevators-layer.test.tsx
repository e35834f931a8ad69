import ReactThreeTestRenderer from '@react-three/test-renderer';
import { BoxGeometry, type InstancedMesh } from 'three';
import { describe, expect, it } from 'vitest';
import type { RetrofitStage } from '~/db/vocab';
import { building, columns } from '../test-fixtures';
import { controllerStatusByUnit, shaftSpecs } from './elevators';
import { ElevatorsLayer } from './elevators-layer';

const geometry = new BoxGeometry(2.2, 1, 2.4);

function specsFor(stage: RetrofitStage, controller?: 'online' | 'fault') {
  const b = building(1, 0);
  b.units[0]!.retrofitStage = stage;
  const devices = columns(
    controller
      ? [{ id: 1, cls: 'elevator_controller', status: controller, buildingId: 1, unitId: 11, x: 7.5, y: -2.5 }]
      : [],
  );
  return shaftSpecs([b], controllerStatusByUnit(devices), null);
}

function counts(renderer: Awaited<ReturnType<typeof ReactThreeTestRenderer.create>>) {
  const out: Record<string, number> = {};
  for (const look of ['ghost', 'scaffold', 'solid', 'stalled', 'fault', 'alarm']) {
    const mesh = renderer.scene.findByProps({ name: `elevators-${look}` }).instance as InstancedMesh;
    out[look] = mesh.visible ? mesh.count : 0;
  }
  return out;
}

describe('elevator shafts', () => {
  it('change their look as the retrofit case moves on', async () => {
    const renderer = await ReactThreeTestRenderer.create(
      <ElevatorsLayer specs={specsFor('publicity')} geometry={geometry} onPick={() => {}} />,
    );
    expect(counts(renderer)).toEqual({ ghost: 1, scaffold: 0, solid: 0, stalled: 0, fault: 0, alarm: 0 });
    await renderer.update(<ElevatorsLayer specs={specsFor('construction')} geometry={geometry} onPick={() => {}} />);
    expect(counts(renderer)).toEqual({ ghost: 0, scaffold: 1, solid: 0, stalled: 0, fault: 0, alarm: 0 });
    await renderer.update(
      <ElevatorsLayer specs={specsFor('in_service', 'online')} geometry={geometry} onPick={() => {}} />,
    );
    expect(counts(renderer)).toEqual({ ghost: 0, scaffold: 0, solid: 1, stalled: 0, fault: 0, alarm: 0 });
    await renderer.update(
      <ElevatorsLayer specs={specsFor('in_service', 'fault')} geometry={geometry} onPick={() => {}} />,
    );
    expect(counts(renderer)).toEqual({ ghost: 0, scaffold: 0, solid: 0, stalled: 0, fault: 1, alarm: 0 });
    await renderer.update(<ElevatorsLayer specs={specsFor('stalled')} geometry={geometry} onPick={() => {}} />);
    // 搁置 needs attention but is not an emergency: brown, not alarm red.
    expect(counts(renderer)).toEqual({ ghost: 0, scaffold: 0, solid: 0, stalled: 1, fault: 0, alarm: 0 });
    await renderer.unmount();
  });

  it('stands a retrofit shaft against the stairwell, taller than the building; a unit with neither lift nor case has none', () => {
    const [spec, ...rest] = specsFor('construction');
    expect(rest).toHaveLength(0);
    expect(spec).toMatchObject({ unitId: 11, x: 7.5, y: -2.5 });
    expect(spec!.height).toBeGreaterThan(18);
  });
});
