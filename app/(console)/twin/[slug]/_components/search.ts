// The twin's search box: a device by its code, or a unit by the ways people
// write one ("3栋2单元", "3-2", "14号楼西单元"). Pure, over the scene in memory.
import type { TwinScene } from '~/server/queries/twin-scene';

export type SearchHit =
  | { kind: 'device'; deviceId: number; label: string }
  | { kind: 'unit'; unitId: number; buildingId: number; label: string };

const norm = (s: string) => s.replace(/\s+/g, '').toUpperCase();

export function searchTwin(scene: Pick<TwinScene, 'buildings' | 'devices'>, query: string, limit = 8): SearchHit[] {
  const q = norm(query);
  if (q.length === 0) return [];
  const hits: SearchHit[] = [];
  for (const b of scene.buildings) {
    for (const u of b.units) {
      const keys = [`${b.name}${u.name}`, `${b.number}-${u.ordinal}`, `${b.number}${u.name}`].map(norm);
      if (keys.some((k) => k === q || (q.length >= 2 && k.includes(q)))) {
        hits.push({ kind: 'unit', unitId: u.id, buildingId: b.id, label: `${b.name}${u.name}` });
        if (hits.length >= limit) return hits;
      }
    }
  }
  // Codes are long and alike ("JH-SMK-…"): match only from three characters on.
  if (q.length >= 3) {
    const codes = scene.devices.code;
    for (let i = 0; i < codes.length && hits.length < limit; i++) {
      if ((codes[i] as string).includes(q))
        hits.push({ kind: 'device', deviceId: scene.devices.id[i] as number, label: codes[i] as string });
    }
  }
  return hits;
}
