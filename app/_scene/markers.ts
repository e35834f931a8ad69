// The four shared marker geometries. Each stays at or under 12 triangles: an
// 80-triangle sphere per sensor put 950k triangles on screen (docs/ARCHITECTURE.md § Targets).
import {
  BoxGeometry,
  BufferAttribute,
  BufferGeometry,
  ConeGeometry,
  OctahedronGeometry,
  PointsMaterial,
  TetrahedronGeometry,
} from 'three';
import type { Shape } from './palette';

export function createMarkerGeometry(shape: Shape): BufferGeometry {
  switch (shape) {
    case 'octahedron':
      return new OctahedronGeometry(0.5, 0); // 8 triangles
    case 'tetrahedron':
      return new TetrahedronGeometry(0.6, 0); // 4
    case 'box':
      return new BoxGeometry(0.7, 0.7, 0.7); // 12
    case 'cone':
      return new ConeGeometry(0.4, 0.8, 4, 1).rotateX(Math.PI); // 4 sides + 4 in the base = 8
  }
}

export function triangleCount(g: BufferGeometry): number {
  return (g.index ? g.index.count : (g.getAttribute('position')?.count ?? 0)) / 3;
}

/** The far level of detail: `capacity` dots of `sizePx` screen pixels, positions and colours written by the caller. */
export function createPointCloud(
  capacity: number,
  sizePx: number,
): { geometry: BufferGeometry; material: PointsMaterial } {
  const geometry = new BufferGeometry();
  geometry.setAttribute('position', new BufferAttribute(new Float32Array(capacity * 3), 3));
  geometry.setAttribute('color', new BufferAttribute(new Float32Array(capacity * 3), 3));
  return { geometry, material: new PointsMaterial({ size: sizePx, sizeAttenuation: false, vertexColors: true }) };
}
