// Writes the twin's glTF models to public/models/ (`npx tsx scripts/make-models.ts`).
// Each model is one mesh with one primitive, so the scene can draw all its
// copies as one InstancedMesh; sizes are in metres, standing on y = 0, with
// the height of the shaft and the pole at 1 so an instance scales it to the
// building or pole it belongs to.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { Document, NodeIO } from '@gltf-transform/core';
import { BoxGeometry, type BufferGeometry, ConeGeometry, CylinderGeometry } from 'three';
import { mergeGeometries } from 'three/examples/jsm/utils/BufferGeometryUtils.js';

const OUT = path.resolve(import.meta.dirname, '..', 'public', 'models');

function merged(parts: BufferGeometry[]): BufferGeometry {
  for (const p of parts) p.deleteAttribute('uv');
  return mergeGeometries(parts, false);
}

async function writeModel(
  file: string,
  name: string,
  geometry: BufferGeometry,
  color: [number, number, number],
): Promise<void> {
  const doc = new Document();
  const buffer = doc.createBuffer();
  const position = geometry.getAttribute('position');
  const normal = geometry.getAttribute('normal');
  const index = geometry.getIndex();
  if (!index) throw new Error(`${name}: expected an indexed geometry`);
  const primitive = doc
    .createPrimitive()
    .setAttribute(
      'POSITION',
      doc.createAccessor().setType('VEC3').setArray(new Float32Array(position.array)).setBuffer(buffer),
    )
    .setAttribute(
      'NORMAL',
      doc.createAccessor().setType('VEC3').setArray(new Float32Array(normal.array)).setBuffer(buffer),
    )
    .setIndices(doc.createAccessor().setType('SCALAR').setArray(new Uint16Array(index.array)).setBuffer(buffer))
    .setMaterial(
      doc
        .createMaterial(name)
        .setBaseColorFactor([...color, 1])
        .setRoughnessFactor(0.8)
        .setMetallicFactor(0),
    );
  const node = doc.createNode(name).setMesh(doc.createMesh(name).addPrimitive(primitive));
  doc.createScene(name).addChild(node);
  await new NodeIO().write(path.join(OUT, file), doc);
  console.log(`${file}: ${index.count / 3} triangles`);
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  // A retrofit shaft 2.2 m × 2.4 m against the stairwell, with its landing door frame on the south face.
  await writeModel(
    'elevator-shaft.glb',
    'elevator-shaft',
    merged([
      new BoxGeometry(2.2, 1, 2.4).translate(0, 0.5, 0),
      new BoxGeometry(1.1, 0.9, 0.12).translate(0, 0.45, 1.22),
    ]),
    [0.36, 0.42, 0.5],
  );
  // A 1-unit mast with the camera arm at its top pointing north (−z); instances scale it to the pole's height.
  await writeModel(
    'camera-pole.glb',
    'camera-pole',
    merged([
      new CylinderGeometry(0.09, 0.12, 1, 6, 1).translate(0, 0.5, 0),
      new BoxGeometry(0.08, 0.012, 0.9).translate(0, 0.985, -0.45),
    ]),
    [0.35, 0.38, 0.42],
  );
  // A patrol point: a six-sided pin, 12 triangles, its tip on the ground.
  await writeModel(
    'patrol-marker.glb',
    'patrol-marker',
    new ConeGeometry(0.55, 1.3, 6, 1).rotateX(Math.PI).translate(0, 0.65, 0),
    [1, 1, 1],
  );
  // A stand-in for a surveyed building model (buildings.model_url): a 10 × 10 × 1 block with a setback crown,
  // scaled by the scene to the building's footprint and height.
  await writeModel(
    'building-sample.glb',
    'building-sample',
    merged([new BoxGeometry(10, 0.86, 10).translate(0, 0.43, 0), new BoxGeometry(7, 0.14, 7).translate(0, 0.93, 0)]),
    [0.88, 0.85, 0.8],
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
