// Makes Mosquitto's password_file and acl_file follow the device table, for
// deployments with an external broker (MQTT_URL):
//
//   MQTT_INGEST_PASSWORD_FILE=/etc/linli/ingest-password DATABASE_URL=postgres://… \
//     npx tsx server/ingest/mosquitto-files.ts --community jinghu --out /etc/mosquitto/linli
//
// The ingest password comes from a file (MQTT_INGEST_PASSWORD_FILE or
// --ingest-password-file) or MQTT_INGEST_PASSWORD, never the command line,
// which every user of the machine can read in the process list.
//
// Linli stores only a hash of each device token, and Mosquitto needs its own
// salted hash of the token itself, so the script issues fresh tokens (the
// same issueDeviceTokens as the admin procedure), writes them in Mosquitto's
// format (sha512-pbkdf2, "$7$101$salt$hash", as mosquitto_passwd 2.x writes),
// and writes tokens-<community>.csv (mode 600) once for flashing the devices.
// Each device may publish under linli/<community>/<its code>/ only; the user
// linli-ingest may read linli/#. The files are shared by every community: a
// run replaces this community's entries and the ingest user's, and keeps the
// rest. Reload Mosquitto afterwards (SIGHUP). Run it against PostgreSQL: a
// PGlite folder belongs to the app process alone.
import { pbkdf2Sync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { openDatabase, selectRows, type Db } from '~/db/client';
import { TOPIC_ROOT } from './mqtt-topic';
import { issueDeviceTokens } from './tokens';

export function mosquittoHash(password: string, salt = randomBytes(12)): string {
  const hash = pbkdf2Sync(password, salt, 101, 64, 'sha512');
  return `$7$101$${salt.toString('base64')}$${hash.toString('base64')}`;
}

export type MosquittoFilesOptions = { community: string; out: string; ingestUser: string; ingestPassword: string };

/** One `user` line of an acl file and the lines under it (before the first: lines for everyone). */
type AclBlock = { user: string | null; lines: string[] };

function aclBlocks(text: string): AclBlock[] {
  const blocks: AclBlock[] = [{ user: null, lines: [] }];
  for (const line of text.split('\n')) {
    const user = /^user\s+(\S+)\s*$/.exec(line);
    if (user) blocks.push({ user: user[1]!, lines: [] });
    else if (line.trim()) blocks.at(-1)!.lines.push(line);
  }
  return blocks;
}

const readIfThere = (file: string) => (existsSync(file) ? readFileSync(file, 'utf8') : '');

/** Replaces the file in one step, so Mosquitto reloading meanwhile reads the old or the new, never half. */
function replaceFile(file: string, text: string, mode: number): void {
  writeFileSync(`${file}.tmp`, text, { mode });
  renameSync(`${file}.tmp`, file);
}

/**
 * Issues tokens for every device of the community and merges them into the
 * passwd and acl files in `out`: this community's users (those whose topics
 * all lie under its root) and the ingest user are replaced, other communities'
 * entries stay. The new tokens go to tokens-<community>.csv.
 */
export async function writeMosquittoFiles(db: Db, o: MosquittoFilesOptions): Promise<number> {
  const [community] = await selectRows<{ id: number }>(db, sql`select id from communities where slug = ${o.community}`);
  if (!community) throw new Error(`no community "${o.community}"`);
  const issued = await issueDeviceTokens(db, { communityId: community.id, limit: 1_000_000 });
  mkdirSync(o.out, { recursive: true });
  const passwdFile = path.join(o.out, 'passwd');
  const aclFile = path.join(o.out, 'acl');

  const root = `${TOPIC_ROOT}/${o.community}/`;
  const blocks = aclBlocks(readIfThere(aclFile));
  const ours = (b: AclBlock) =>
    b.user !== null &&
    b.lines.length > 0 &&
    b.lines.every((l) => /^topic\s+\S+\s+(\S+)$/.exec(l)?.[1]?.startsWith(root));
  const replaced = new Set([o.ingestUser, ...issued.map((t) => t.code), ...blocks.filter(ours).map((b) => b.user!)]);

  const passwd = [
    ...readIfThere(passwdFile)
      .split('\n')
      .filter((l) => l.trim() && !replaced.has(l.slice(0, l.indexOf(':')))),
    `${o.ingestUser}:${mosquittoHash(o.ingestPassword)}`,
    ...issued.map((t) => `${t.code}:${mosquittoHash(t.token)}`),
  ];
  const kept = blocks.filter((b) => b.user === null || !replaced.has(b.user));
  const acl = [
    ...kept.flatMap((b) =>
      b.user === null ? (b.lines.length ? [...b.lines, ''] : []) : [`user ${b.user}`, ...b.lines, ''],
    ),
    `user ${o.ingestUser}`,
    `topic read ${TOPIC_ROOT}/#`,
    '',
    ...issued.flatMap((t) => [`user ${t.code}`, `topic readwrite ${root}${t.code}/#`, '']),
  ];
  replaceFile(passwdFile, `${passwd.join('\n')}\n`, 0o640);
  replaceFile(aclFile, acl.join('\n'), 0o640);
  writeFileSync(
    path.join(o.out, `tokens-${o.community}.csv`),
    `code,token\n${issued.map((t) => `${t.code},${t.token}`).join('\n')}\n`,
    { mode: 0o600 },
  );
  return issued.length;
}

/** The ingest password from MQTT_INGEST_PASSWORD_FILE (or the given file), else MQTT_INGEST_PASSWORD. */
export function ingestPassword(file: string | undefined, environment: Partial<Record<string, string>>): string | null {
  const from = file ?? environment.MQTT_INGEST_PASSWORD_FILE;
  const password = from ? readFileSync(from, 'utf8').replace(/\r?\n$/, '') : environment.MQTT_INGEST_PASSWORD;
  return password ? password : null;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      community: { type: 'string' },
      out: { type: 'string', default: 'mosquitto' },
      'ingest-user': { type: 'string', default: 'linli-ingest' },
      'ingest-password-file': { type: 'string' },
    },
  });
  const url = process.env.DATABASE_URL;
  const password = ingestPassword(values['ingest-password-file'], process.env);
  if (!url || !values.community || !password) {
    throw new Error(
      'usage: DATABASE_URL=postgres://… MQTT_INGEST_PASSWORD_FILE=<file> (or MQTT_INGEST_PASSWORD=…) ' +
        'tsx server/ingest/mosquitto-files.ts --community <slug> [--ingest-password-file <file>] [--out dir]',
    );
  }
  const database = await openDatabase({ url, poolSize: 1 });
  try {
    const n = await writeMosquittoFiles(database.db, {
      community: values.community,
      out: values.out,
      ingestUser: values['ingest-user'],
      ingestPassword: password,
    });
    console.log(
      `wrote ${n} devices to ${values.out}/passwd, acl and tokens-${values.community}.csv; reload Mosquitto (kill -HUP)`,
    );
  } finally {
    await database.close();
  }
}

if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]))) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
