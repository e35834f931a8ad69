import ReactThreeTestRenderer from '@react-three/test-renderer';
import { Color, type Group, type Mesh, type MeshBasicMaterial } from 'three';
import { describe, expect, it } from 'vitest';
import { SCENE_COLORS } from '../palette';
import { building } from '../test-fixtures';
import { SceneThemeContext } from '../theme';
import { FloorBand } from './floor-band';

describe('the picked floor in 3D', () => {
  it('draws a band round the building at that storey, in the theme’s colour, and nothing without a pick', async () => {
    const b = building(1, 0); // 30 × 12 m, 3 m storeys
    const r = await ReactThreeTestRenderer.create(
      <SceneThemeContext.Provider value="dark">
        <FloorBand buildings={[b]} floor={{ buildingId: 1, floor: 4 }} />
      </SceneThemeContext.Provider>,
    );
    const band = r.scene.findByProps({ name: 'floor-band' }).instance as Group;
    // Storey 4 of 3 m: from 9 to 12 m, centred at 10.5.
    expect(band.position.y).toBeCloseTo(10.5);
    expect(band.scale.x).toBeGreaterThan(30);
    expect(band.scale.z).toBeGreaterThan(12);
    const mesh = band.children[0] as Mesh;
    expect(`#${(mesh.material as MeshBasicMaterial).color.getHexString()}`).toBe(
      `#${new Color(SCENE_COLORS.dark.floorBand).getHexString()}`,
    );
    await r.update(<FloorBand buildings={[b]} floor={null} />);
    expect(r.scene.findAll((n) => n.props.name === 'floor-band')).toHaveLength(0);
    await r.unmount();
  });
});
