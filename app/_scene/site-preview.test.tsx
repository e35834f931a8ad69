import ReactThreeTestRenderer from '@react-three/test-renderer';
import { Vector3 } from 'three';
import { describe, expect, it, vi } from 'vitest';
import { StairMarkers } from './site-preview';

describe('stairwell markers on the units step', () => {
  it('follow a drag over the ground and report the drop once, in local metres', async () => {
    const moved = vi.fn();
    const renderer = await ReactThreeTestRenderer.create(
      <StairMarkers
        stairs={[
          { id: 7, x: -9, y: -5, label: '1单元' },
          { id: 8, x: 9, y: -5, label: '2单元' },
        ]}
        onStairMove={moved}
      />,
    );
    const stair = renderer.scene.findByProps({ name: 'stair-7' });
    const ground = renderer.scene.findByProps({ name: 'stair-ground' });
    await renderer.fireEvent(stair, 'onPointerDown', { pointerId: 1 });
    // three.js z points south: a point at z = +6 is 6 m south of the anchor.
    await renderer.fireEvent(ground, 'onPointerMove', { point: new Vector3(-4.04, 0, 6) });
    expect(stair.instance.position.toArray()).toEqual([-4, 1.5, 6]);
    expect(moved).not.toHaveBeenCalled();
    await renderer.fireEvent(ground, 'onPointerUp', {});
    expect(moved).toHaveBeenCalledTimes(1);
    expect(moved).toHaveBeenCalledWith(7, -4, -6);
    // A move without a stairwell held changes nothing.
    await renderer.fireEvent(ground, 'onPointerMove', { point: new Vector3(20, 0, 20) });
    await renderer.fireEvent(ground, 'onPointerUp', {});
    expect(moved).toHaveBeenCalledTimes(1);
    await renderer.unmount();
  });
});
