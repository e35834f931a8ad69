// `npm run linli -- <command>`: onboarding a community from a script (README § Your own
// community), the same operations the wizard calls (docs/ONBOARDING.md). Opens the database as
// the app does (PostgreSQL at DATABASE_URL, else the PGlite folder PGLITE_DIR) and refuses a
// PGlite folder the running app holds. Exit 0 when written (or a dry run passed), 2 when
// refused with nothing written, 1 on an unexpected failure.
//
//   community create --slug <slug> --name <name> --lng <lng> --lat <lat> [--crs wgs84|gcj02|bd09]
//                    [--street <街道>] [--district <区>] [--name-en <name>]
//   import buildings  --community <slug> --file <path> [--crs …|epsg3857] [--floor-height 3] [--dry-run] [--json]
//   import households --community <slug> --file <path.xlsx|.csv> [--dry-run] [--json]
//   import devices    --community <slug> --file <path.xlsx|.csv> --tokens-out <path> [--dry-run] [--json]
//   user add --email <email> --role <role> --community <slug> [--name <name>]
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openCliDatabase } from '~/db/cli-database';
import type { Database } from '~/db/client';
import { DataDirInUseError } from '~/db/data-dir-lock';
import { MEMBERSHIP_ROLES, type MembershipRole } from '~/db/vocab';
import { DomainError } from '~/server/domain/errors';
import { errorMessage } from '~/server/error-messages';
import { CRS_NAMES, POINT_CRS_NAMES, type Crs, type PointCrs } from '~/server/geo/crs';
import { createUser } from '~/server/ops/account-ops';
import { createCommunity } from '~/server/ops/community-ops';
import { importDevices, tokensCsv } from '~/server/ops/device-ops';
import { importHouseholds } from '~/server/ops/household-ops';
import { importFootprintFile } from '~/server/ops/site-ops';
import { communityBySlug } from '~/server/queries/communities';

const USAGE = `usage: npm run linli -- <command>
  community create --slug <slug> --name <name> --lng <lng> --lat <lat> [--crs wgs84|gcj02|bd09] [--street <街道>] [--district <区>]
  import buildings  --community <slug> --file <path.geojson> [--crs wgs84|cgcs2000|gcj02|bd09|epsg3857] [--floor-height <m>] [--dry-run] [--json]
  import households --community <slug> --file <path.xlsx|.csv> [--dry-run] [--json]
  import devices    --community <slug> --file <path.xlsx|.csv> --tokens-out <path.csv> [--dry-run] [--json]
  user add --email <email> --role ${MEMBERSHIP_ROLES.filter((r) => r !== 'district').join('|')} --community <slug> [--name <name>]`;

/** A refusal: printed, exit 2, nothing written. */
class Refused extends Error {}

type Report = {
  imported: number;
  updated?: number;
  skipped: Array<{ feature: number; reason: string }>;
  errors: Array<{ row: number; reason: string }>;
};

const OPTIONS = {
  slug: { type: 'string' },
  name: { type: 'string' },
  'name-en': { type: 'string' },
  lng: { type: 'string' },
  lat: { type: 'string' },
  crs: { type: 'string' },
  street: { type: 'string' },
  district: { type: 'string' },
  community: { type: 'string' },
  file: { type: 'string' },
  'floor-height': { type: 'string' },
  'tokens-out': { type: 'string' },
  'dry-run': { type: 'boolean' },
  json: { type: 'boolean' },
  email: { type: 'string' },
  role: { type: 'string' },
  help: { type: 'boolean' },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values'];

function need(values: Values, key: keyof Values): string {
  const value = values[key];
  if (typeof value !== 'string' || value.trim() === '') throw new Refused(`--${key} is required\n\n${USAGE}`);
  return value.trim();
}

function number(values: Values, key: keyof Values): number {
  const n = Number(need(values, key));
  if (!Number.isFinite(n)) throw new Refused(`--${key} must be a number`);
  return n;
}

function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], key: string, fallback: T): T {
  if (value === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(value))
    throw new Refused(`--${key} must be one of ${allowed.join(', ')}`);
  return value as T;
}

function readInput(file: string): { format: 'csv' | 'xlsx'; content: string } {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    throw new Refused(`cannot read ${file}`);
  }
  const ext = path.extname(file).toLowerCase();
  if (ext === '.xlsx') return { format: 'xlsx', content: bytes.toString('base64') };
  if (ext === '.csv' || ext === '.txt') return { format: 'csv', content: bytes.toString('utf8') };
  throw new Refused(`${file}: expected an .xlsx or .csv file`);
}

const actor = () => `cli:${os.userInfo().username}`;
const zh = (code: string, params: Record<string, string | number>) => errorMessage(code, params, 'zh');

async function run(database: Database, command: string, values: Values): Promise<Report | string> {
  const db = database.db;
  switch (command) {
    case 'community create': {
      const community = await createCommunity(
        db,
        {
          slug: need(values, 'slug'),
          name: need(values, 'name'),
          nameEn: values['name-en'],
          street: values.street?.trim() || '未指定街道',
          district: values.district?.trim() || '未指定区',
          lng: number(values, 'lng'),
          lat: number(values, 'lat'),
          crs: oneOf<PointCrs>(values.crs, POINT_CRS_NAMES, 'crs', 'wgs84'),
        },
        actor(),
      );
      return `community ${community.slug} (${community.name}) created; anchor WGS84 ${community.anchorLng.toFixed(6)}, ${community.anchorLat.toFixed(6)}`;
    }
    case 'import buildings': {
      const community = await communityBySlug(db, need(values, 'community'));
      const file = need(values, 'file');
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch {
        throw new Refused(`cannot read ${file}`);
      }
      const floorHeight = values['floor-height'] === undefined ? undefined : number(values, 'floor-height');
      const report = await importFootprintFile(
        db,
        community,
        {
          text,
          crs: oneOf<Crs>(values.crs, CRS_NAMES, 'crs', 'wgs84'),
          floorHeightM: floorHeight,
          dryRun: values['dry-run'],
        },
        actor(),
      );
      return { imported: report.imported, skipped: report.skipped, errors: report.errors };
    }
    case 'import households': {
      const community = await communityBySlug(db, need(values, 'community'));
      const input = readInput(need(values, 'file'));
      const report = await importHouseholds(db, community.id, { ...input, dryRun: values['dry-run'] }, actor());
      return {
        imported: report.imported,
        updated: report.updated,
        skipped: [],
        errors: report.errors.map((e) => ({ row: e.row, reason: zh(`householdImport.${e.code}`, e.params) })),
      };
    }
    case 'import devices': {
      const community = await communityBySlug(db, need(values, 'community'));
      const input = readInput(need(values, 'file'));
      const out = values['dry-run'] ? undefined : need(values, 'tokens-out');
      const report = await importDevices(db, community.id, { ...input, dryRun: values['dry-run'] }, actor());
      if (out && report.tokens.length > 0) writeFileSync(out, tokensCsv(report.tokens), { mode: 0o600 });
      return {
        imported: report.imported,
        skipped: [],
        errors: report.errors.map((e) => ({ row: e.row, reason: zh(`deviceImport.${e.code}`, e.params) })),
      };
    }
    case 'user add': {
      const community = await communityBySlug(db, need(values, 'community'));
      const email = need(values, 'email').toLowerCase();
      if (!/^[^\s@]+@[^\s@]+$/.test(email)) throw new Refused(`--email: not an e-mail address: ${email}`);
      const role = oneOf<MembershipRole>(need(values, 'role'), MEMBERSHIP_ROLES, 'role', 'staff');
      const membership = role === 'district' ? { role, street: community.street } : { role, communityId: community.id };
      const { password } = await createUser(
        db,
        { id: 'cli', email: actor() },
        { name: values.name?.trim() || email.split('@')[0]!, email, role: 'member', membership },
      );
      return `${email} added as ${role} of ${community.slug}; one-time password (shown only now, to be changed at first sign-in): ${password}`;
    }
    default:
      throw new Refused(`unknown command: ${command || '(none)'}\n\n${USAGE}`);
  }
}

function print(report: Report | string, json: boolean, dryRun: boolean): void {
  if (typeof report === 'string') {
    console.log(json ? JSON.stringify({ message: report }) : report);
    return;
  }
  if (json) {
    console.log(JSON.stringify(report));
    return;
  }
  for (const s of report.skipped) console.log(`skipped feature ${s.feature}: ${s.reason}`);
  for (const e of report.errors) console.log(`row ${e.row}: ${e.reason}`);
  if (report.errors.length > 0) console.log(`${report.errors.length} rows refused; nothing was written.`);
  else
    console.log(
      `${dryRun ? 'would import' : 'imported'} ${report.imported}${report.updated ? `, updated ${report.updated}` : ''}` +
        `${report.skipped.length ? `, skipped ${report.skipped.length}` : ''}${dryRun ? ' (dry run: nothing written)' : ''}`,
    );
}

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help || positionals.length === 0) {
    console.log(USAGE);
    return values.help ? 0 : 2;
  }
  const command = positionals.slice(0, 2).join(' ');
  const json = !!values.json;
  let database: Database | undefined;
  try {
    database = await openCliDatabase({ quiet: json });
    const report = await run(database, command, values);
    print(report, json, !!values['dry-run']);
    return typeof report === 'string' || report.errors.length === 0 ? 0 : 2;
  } catch (error) {
    const message =
      error instanceof Refused || error instanceof DataDirInUseError
        ? error.message
        : error instanceof DomainError
          ? zh(error.code, error.params as Record<string, string | number>)
          : null;
    if (message === null) throw error;
    if (json) console.log(JSON.stringify({ imported: 0, skipped: [], errors: [{ row: 0, reason: message }] }));
    else console.error(message);
    return 2;
  } finally {
    await database?.close();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
