// Makes Mosquitto's password_file and acl_file follow the device table, for
// deployments with an external broker (MQTT_URL):
//
//   DATABASE_URL=postgres://… npx tsx server/ingest/mosquitto-files.ts \
//     --community jinghu --out /etc/mosquitto/linli --ingest-password '…'
//
// Linli stores only a hash of each device token, and Mosquitto needs its own
// salted hash of the token itself, so the script issues fresh tokens (the
// same issueDeviceTokens as the admin procedure), writes them in Mosquitto's
// format (sha512-pbkdf2, "$7$101$salt$hash", as mosquitto_passwd 2.x writes),
// and writes tokens.csv (mode 600) once for flashing the devices. Each device
// may publish under linli/<community>/<its code>/ only; the user
// linli-ingest may read linli/#. Reload Mosquitto afterwards (SIGHUP). Run it
// against PostgreSQL: a PGlite folder belongs to the app process alone.
import { pbkdf2Sync, randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
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

/** Issues tokens for every device of the community and writes passwd, acl and tokens.csv into `out`. */
export async function writeMosquittoFiles(db: Db, o: MosquittoFilesOptions): Promise<number> {
  const [community] = await selectRows<{ id: number }>(db, sql`select id from communities where slug = ${o.community}`);
  if (!community) throw new Error(`no community "${o.community}"`);
  const issued = await issueDeviceTokens(db, { communityId: community.id, limit: 1_000_000 });
  const passwd = [
    `${o.ingestUser}:${mosquittoHash(o.ingestPassword)}`,
    ...issued.map((t) => `${t.code}:${mosquittoHash(t.token)}`),
  ];
  const acl = [
    `user ${o.ingestUser}`,
    `topic read ${TOPIC_ROOT}/#`,
    '',
    ...issued.flatMap((t) => [`user ${t.code}`, `topic readwrite ${TOPIC_ROOT}/${o.community}/${t.code}/#`, '']),
  ];
  mkdirSync(o.out, { recursive: true });
  writeFileSync(path.join(o.out, 'passwd'), `${passwd.join('\n')}\n`, { mode: 0o640 });
  writeFileSync(path.join(o.out, 'acl'), `${acl.join('\n')}\n`, { mode: 0o640 });
  writeFileSync(
    path.join(o.out, 'tokens.csv'),
    `code,token\n${issued.map((t) => `${t.code},${t.token}`).join('\n')}\n`,
    { mode: 0o600 },
  );
  return issued.length;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      community: { type: 'string' },
      out: { type: 'string', default: 'mosquitto' },
      'ingest-user': { type: 'string', default: 'linli-ingest' },
      'ingest-password': { type: 'string' },
    },
  });
  const url = process.env.DATABASE_URL;
  if (!url || !values.community || !values['ingest-password']) {
    throw new Error(
      'usage: DATABASE_URL=postgres://… tsx server/ingest/mosquitto-files.ts --community <slug> --ingest-password <pw> [--out dir]',
    );
  }
  const database = await openDatabase({ url, poolSize: 1 });
  try {
    const n = await writeMosquittoFiles(database.db, {
      community: values.community,
      out: values.out,
      ingestUser: values['ingest-user'],
      ingestPassword: values['ingest-password'],
    });
    console.log(`wrote ${n} devices to ${values.out}/passwd, acl and tokens.csv; reload Mosquitto (kill -HUP)`);
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
