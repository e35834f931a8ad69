// Writing a community's buildings (docs/ONBOARDING.md § Buildings): a footprint file's chosen
// features, edits to a building, its deletion, and a glTF model that replaces its massing.
// Every change is on the community's trail (recordChange). A re-import updates buildings by
// number (footprint, floors, floor height, name) and inserts the new ones, so a corrected file
// can be brought again; buildings the file does not name are left as they are.
import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createTranslator } from 'next-intl';
import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import { selectRows, type Db } from '~/db/client';
import { buildings, type Community } from '~/db/schema';
import setupSiteZh from '~/app/_i18n/messages/setup-site.zh.json';
import { COMMUNITY_TIME_ZONE } from '~/lib/calendar';
import { DomainError } from '../domain/errors';
import { env } from '../env';
import type { Crs } from '../geo/crs';
import { MAX_FLOORS, previewFootprints, type FootprintPreview, type PreviewFeature } from '../onboard/footprints';
import { changedFields, recordChange } from './community-changes';

export type FootprintInput = { text: string; crs: Crs; floorHeightM?: number; dryRun?: boolean };

/** A feature the person chose, with the number, name or floors they corrected in the table. */
export type ChosenFeature = { index: number; number?: string; name?: string; floors?: number };

export type BuildingImportResult = {
  imported: number;
  /** Of `imported`, buildings that existed by number and were updated. */
  updated: number;
  skipped: Array<{ feature: number; reason: string }>;
  /** `reason` in Chinese for the command line; `code` and `params` for the page to word (setupSite.reason). */
  errors: Array<{ row: number; reason: string; code: string; params: Record<string, string | number> }>;
};

const zhWords = createTranslator({
  locale: 'zh',
  messages: setupSiteZh,
  namespace: 'setupSite.reason',
  timeZone: COMMUNITY_TIME_ZONE,
}) as unknown as (key: string, values?: Record<string, string | number>) => string;

/** A skip reason or an import error in Chinese words, for the command line and its --json. */
export function reasonWords(code: string, params: Record<string, string | number> = {}): string {
  return zhWords(code, params);
}

/** The preview of `text` for `community`: what the buildings page shows before anything is written. */
export function previewBuildingFile(community: Community, input: Omit<FootprintInput, 'dryRun'>): FootprintPreview {
  return previewFootprints(input.text, {
    crs: input.crs,
    anchor: community,
    floorHeightM: input.floorHeightM,
  });
}

/**
 * The command line's import: every building the preview keeps, written (or only checked, with
 * dryRun). Kept to the signature the CLI calls (SHARED-SPEC).
 */
export async function importFootprintFile(
  db: Db,
  community: Community,
  input: FootprintInput,
  actor: string,
): Promise<BuildingImportResult> {
  const preview = previewBuildingFile(community, input);
  const chosen = preview.features.filter((f) => f.keep).map((f) => ({ index: f.index }));
  return writeBuildings(db, community, preview, chosen, actor, input.dryRun ?? false);
}

/** The buildings page's import: the features the person chose, with their corrections. */
export async function importBuildings(
  db: Db,
  community: Community,
  input: Omit<FootprintInput, 'dryRun'> & { choose: ChosenFeature[]; dryRun?: boolean },
  actor: string,
): Promise<BuildingImportResult> {
  const preview = previewBuildingFile(community, input);
  return writeBuildings(db, community, preview, input.choose, actor, input.dryRun ?? false);
}

/** Checks the choice against the preview; writes all of it or, with any error, nothing. */
async function writeBuildings(
  db: Db,
  community: Community,
  preview: FootprintPreview,
  choose: ChosenFeature[],
  actor: string,
  dryRun: boolean,
): Promise<BuildingImportResult> {
  const errors: BuildingImportResult['errors'] = [];
  const rows: Array<{ feature: PreviewFeature; number: string; name: string; floors: number }> = [];
  const seen = new Map<string, number>();
  for (const c of choose) {
    const f = preview.features[c.index];
    const error = (code: string, more: Record<string, string | number> = {}) => {
      const params = { feature: c.index, ...more };
      errors.push({ row: c.index, reason: reasonWords(code, params), code, params });
    };
    // A skipped building may be chosen only for a duplicate number, under a number of its own.
    const choosable = f && (f.keep || (f.reason === 'duplicateNumber' && c.number && c.number !== f.number));
    if (!f || !choosable) {
      error('notChoosable', { reason: f?.reason ? reasonWords(f.reason, reasonParams(f)) : '—' });
      continue;
    }
    const number = (c.number ?? f.number).trim();
    const floors = c.floors ?? f.floors;
    if (!/^[0-9A-Za-z-]{1,12}$/.test(number)) error('badNumber', { number });
    else if (seen.has(number)) error('numberTwice', { number, other: seen.get(number)! });
    else seen.set(number, c.index);
    if (!Number.isInteger(floors) || floors < 1 || floors > MAX_FLOORS) error('badFloors', { floors });
    rows.push({ feature: f, number, name: (c.name ?? f.name).trim().slice(0, 60) || `${number}号楼`, floors });
  }
  const chosenIndexes = new Set(choose.map((c) => c.index));
  const skipped = preview.features
    .filter((f) => !chosenIndexes.has(f.index))
    .map((f) => ({
      feature: f.index,
      reason: reasonWords(f.reason ?? 'notChosen', reasonParams(f)),
    }));
  if (errors.length > 0) return { imported: 0, updated: 0, skipped, errors };

  const existing = new Set(
    rows.length === 0
      ? []
      : (
          await db
            .select({ number: buildings.number })
            .from(buildings)
            .where(
              and(
                eq(buildings.communityId, community.id),
                inArray(
                  buildings.number,
                  rows.map((r) => r.number),
                ),
              ),
            )
        ).map((r) => r.number),
  );
  const updated = rows.filter((r) => existing.has(r.number)).length;
  if (dryRun || rows.length === 0) return { imported: rows.length, updated, skipped, errors };

  await db.transaction(async (tx) => {
    const values = rows.map((r) => ({
      communityId: community.id,
      number: r.number,
      name: r.name,
      footprint: r.feature.local,
      floors: r.floors,
      floorHeight: preview.floorHeightM,
    }));
    // Batches keep each statement's parameters well under PostgreSQL's limit of 65,535.
    for (let i = 0; i < values.length; i += 500) {
      await tx
        .insert(buildings)
        .values(values.slice(i, i + 500))
        .onConflictDoUpdate({
          target: [buildings.communityId, buildings.number],
          set: {
            name: sql`excluded.name`,
            footprint: sql`excluded.footprint`,
            floors: sql`excluded.floors`,
            floorHeight: sql`excluded.floor_height`,
            updatedAt: sql`now()`,
          },
        });
    }
    await recordChange(tx, {
      communityId: community.id,
      kind: 'buildings.import',
      actor,
      detail: { imported: rows.length - updated, updated, skipped: skipped.length, features: preview.features.length },
    });
  });
  return { imported: rows.length, updated, skipped, errors };
}

function reasonParams(f: PreviewFeature): Record<string, string | number> {
  return { feature: f.reasonFeature ?? '—', number: f.reasonNumber ?? '—', area: f.areaM2 };
}

export type BuildingPatch = { name?: string; number?: string; floors?: number; floorHeight?: number };

/** Changes a building's name, number, floors or floor height. Audited. */
export async function updateBuilding(db: Db, id: number, patch: BuildingPatch, actor: string) {
  const [before] = await db.select().from(buildings).where(eq(buildings.id, id));
  if (!before) throw new DomainError('building.notFound', { id });
  if (patch.number !== undefined && patch.number !== before.number) {
    const [taken] = await db
      .select({ id: buildings.id })
      .from(buildings)
      .where(
        and(eq(buildings.communityId, before.communityId), eq(buildings.number, patch.number), ne(buildings.id, id)),
      );
    if (taken) throw new DomainError('building.numberTaken', { number: patch.number });
  }
  const diff = changedFields(before, patch);
  if (Object.keys(diff).length === 0) return before;
  const [after] = await db.update(buildings).set(patch).where(eq(buildings.id, id)).returning();
  await recordChange(db, {
    communityId: before.communityId,
    kind: 'building.update',
    actor,
    subject: `building:${id}`,
    detail: diff,
  });
  return after!;
}

/** Deletes a building with its units and rooms (devices placed in it lose the place). Audited with counts. */
export async function deleteBuilding(db: Db, id: number, actor: string) {
  const [before] = await db.select().from(buildings).where(eq(buildings.id, id));
  if (!before) throw new DomainError('building.notFound', { id });
  const [counts] = await selectRows<{ units: number; rooms: number }>(
    db,
    sql`select (select count(*)::int from units where building_id = ${id}) as units,
      (select count(*)::int from households h join units u on u.id = h.unit_id where u.building_id = ${id}) as rooms`,
  );
  await db.transaction(async (tx) => {
    await tx.delete(buildings).where(eq(buildings.id, id));
    await recordChange(tx, {
      communityId: before.communityId,
      kind: 'building.delete',
      actor,
      subject: `building:${id}`,
      detail: { number: before.number, name: before.name, units: counts?.units ?? 0, rooms: counts?.rooms ?? 0 },
    });
  });
  return { id, number: before.number };
}

/** Uploaded models live here (MODELS_DIR, else `models/` beside the PGlite folder) and are served by /api/models. */
export function modelsDir(): string {
  return env.MODELS_DIR ?? path.join(path.dirname(env.PGLITE_DIR), 'models');
}

export const MAX_MODEL_BYTES = 10 * 1024 * 1024;
/** What the model route serves: names this module writes, nothing else. */
export const MODEL_FILE = /^b\d+-[0-9a-f]{16}\.glb$/;

/**
 * Replaces a building's massing by a glTF model: a .glb, or a .gltf whose buffers are embedded
 * (data: URIs), checked by reading it with glTF-Transform and stored as one .glb. The twin
 * scales it to the footprint's box and the building's height (app/_scene/models).
 */
export async function uploadBuildingModel(
  db: Db,
  id: number,
  file: { name: string; base64: string },
  actor: string,
  dir = modelsDir(),
) {
  const [before] = await db.select().from(buildings).where(eq(buildings.id, id));
  if (!before) throw new DomainError('building.notFound', { id });
  const bytes = Buffer.from(file.base64, 'base64');
  if (bytes.length === 0) throw new DomainError('building.modelInvalid', { detail: 'empty file' });
  if (bytes.length > MAX_MODEL_BYTES) throw new DomainError('building.modelInvalid', { detail: 'larger than 10 MB' });
  const glb = await toGlb(bytes);
  const name = `b${id}-${randomBytes(8).toString('hex')}.glb`;
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, name), glb);
  const modelUrl = `/api/models/${name}`;
  await db.update(buildings).set({ modelUrl }).where(eq(buildings.id, id));
  await recordChange(db, {
    communityId: before.communityId,
    kind: 'building.model',
    actor,
    subject: `building:${id}`,
    detail: { modelUrl: [before.modelUrl, modelUrl], bytes: glb.length, file: file.name.slice(0, 80) },
  });
  return { id, modelUrl };
}

/** Goes back to the generated massing. Audited. */
export async function clearBuildingModel(db: Db, id: number, actor: string) {
  const [before] = await db.select().from(buildings).where(eq(buildings.id, id));
  if (!before) throw new DomainError('building.notFound', { id });
  if (before.modelUrl === null) return { id, modelUrl: null };
  await db.update(buildings).set({ modelUrl: null }).where(eq(buildings.id, id));
  await recordChange(db, {
    communityId: before.communityId,
    kind: 'building.model',
    actor,
    subject: `building:${id}`,
    detail: { modelUrl: [before.modelUrl, null] },
  });
  return { id, modelUrl: null };
}

async function toGlb(bytes: Buffer): Promise<Uint8Array> {
  // Loaded on demand: glTF-Transform is needed only when a model is uploaded.
  const { NodeIO } = await import('@gltf-transform/core');
  const io = new NodeIO();
  let doc;
  try {
    if (bytes.subarray(0, 4).toString('latin1') === 'glTF') doc = await io.readBinary(new Uint8Array(bytes));
    else {
      const json = JSON.parse(bytes.toString('utf8')) as { buffers?: Array<{ uri?: string }> };
      if ((json.buffers ?? []).some((b) => b.uri !== undefined && !b.uri.startsWith('data:'))) {
        throw new DomainError('building.modelInvalid', { detail: 'the .gltf refers to files beside it' });
      }
      doc = await io.readJSON({ json: json as never, resources: {} });
    }
  } catch (e) {
    if (e instanceof DomainError) throw e;
    throw new DomainError('building.modelInvalid', { detail: 'not a glTF file' });
  }
  if (doc.getRoot().listMeshes().length === 0) {
    throw new DomainError('building.modelInvalid', { detail: 'the model holds no mesh' });
  }
  return io.writeBinary(doc);
}
