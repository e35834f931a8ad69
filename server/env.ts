// Every setting Linli reads from the environment, validated once.
import { z } from 'zod';

const schema = z.object({
  /** postgres://… selects PostgreSQL; unset, the app uses embedded PGlite. */
  DATABASE_URL: z.string().url().optional(),
  /** Where embedded PGlite keeps its files. */
  PGLITE_DIR: z.string().default('.data/pglite'),
  /** Where uploaded building models (glTF) are kept; unset, `models/` beside PGLITE_DIR (.data/models). */
  MODELS_DIR: z.string().min(1).optional(),
  /** Seed the demo communities and accounts into an empty database, once (default: under `next dev` only). */
  SEED_DEMO: z.enum(['true', 'false']).optional(),
  /** Signs session cookies. Required in production (server/startup-checks.ts); a development value otherwise. */
  BETTER_AUTH_SECRET: z.string().min(32).optional(),
  /** The public origin, e.g. https://linli.example.cn; defaults to the request's own. */
  BETTER_AUTH_URL: z.string().url().optional(),
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),

  // Live data and ingest (README, Ingest).
  /** How app instances share live frames: one process (memory), or several via PostgreSQL NOTIFY or Redis. */
  LIVE_BUS: z.enum(['memory', 'postgres', 'redis']).default('memory'),
  /** redis://… for LIVE_BUS=redis. */
  REDIS_URL: z.string().url().optional(),
  /** Frames coalesce the changes of this many milliseconds (docs/ARCHITECTURE.md § Live data: at most 100). */
  LIVE_FRAME_MS: z.coerce.number().int().min(10).max(100).default(100),
  /** Frames older than this are trimmed; a client further behind gets a fresh snapshot. */
  LIVE_RETENTION_SECONDS: z.coerce.number().int().min(60).default(3600),
  /** An open live stream re-checks its caller (link revoked, signed out, disabled) this often, and ends if refused. */
  LIVE_RECHECK_SECONDS: z.coerce.number().min(0.1).max(300).default(5),
  /** mqtt://user:pass@host:port of an external broker; unset runs the embedded broker. */
  MQTT_URL: z.string().url().optional(),
  /** Embedded broker's port: a number (0 picks a free one) or 'off'. */
  MQTT_PORT: z
    .string()
    .default('1884')
    .refine((v) => v === 'off' || (/^\d{1,5}$/.test(v) && Number(v) <= 65535), "a port number or 'off'")
    .transform((v) => (v === 'off' ? null : Number(v))),
  /** The interface the embedded broker listens on; loopback unless set (README, Security). 0.0.0.0: every interface. */
  MQTT_HOST: z.string().min(1).default('127.0.0.1'),
  /** The embedded broker closes a connection that sends a larger packet. */
  MQTT_MAX_PACKET_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(16 * 1024 * 1024)
    .default(64 * 1024),
  /** PEM certificate and key files: set both, and the embedded broker speaks MQTT over TLS only. */
  MQTT_TLS_CERT: z.string().min(1).optional(),
  MQTT_TLS_KEY: z.string().min(1).optional(),
  /** Connections the ingest opens to an external broker, sharing one subscription. */
  MQTT_INGEST_CLIENTS: z.coerce.number().int().min(1).max(64).default(4),
  /** Refuse events stamped further in the future than this (device clock skew). */
  INGEST_MAX_FUTURE_SECONDS: z.coerce.number().int().min(0).default(300),
  /** A device is offline after this many heartbeat intervals without a word. */
  OFFLINE_AFTER_HEARTBEATS: z.coerce.number().min(1).max(100).default(2),
  /** How often the offline sweep runs. */
  OFFLINE_SWEEP_SECONDS: z.coerce.number().int().min(1).default(15),
  /** Run the built-in simulator (default: on under `next dev` only). */
  SIMULATE: z.enum(['true', 'false']).optional(),
  /** Events per second the built-in simulator sends. */
  SIMULATE_RATE: z.coerce.number().min(0.1).max(10_000).default(5),

  // Operations (README, Operations).
  /** A critical alarm nobody acknowledged for this long is escalated to the duty supervisor. */
  ESCALATE_CRITICAL_AFTER_MINUTES: z.coerce.number().min(0.1).max(1440).default(5),
  /** The same for major alarms; unset never escalates them. */
  ESCALATE_MAJOR_AFTER_MINUTES: z.coerce.number().min(0.1).max(1440).optional(),
  /** Resident reports one client address may send per REPORT_RATE_WINDOW_SECONDS. */
  REPORT_RATE_POINTS: z.coerce.number().int().min(1).max(10_000).default(5),
  REPORT_RATE_WINDOW_SECONDS: z.coerce.number().int().min(1).max(86_400).default(600),

  // Security (README, Security).
  /** Reverse proxies in front that append to X-Forwarded-For; 0 reads the client from the TCP connection. */
  TRUSTED_PROXIES: z.coerce.number().int().min(0).max(10).default(0),

  // Residents' pages (README, Configuration).
  /**
   * The address residents reach Linli on (https://linli.example.cn): what the stairwell posters'
   * QR codes encode. Unset: the address the poster page was requested on, refused when loopback.
   */
  PUBLIC_BASE_URL: z
    .string()
    .url()
    .transform((u) => u.replace(/\/+$/, ''))
    .optional(),

  // District map (docs/ARCHITECTURE.md § Map). Unset: MapLibre on a local style, no network.
  /** A Mapbox access token switches the map to mapbox-gl and a Mapbox base style (mapbox-gl blanks without one). */
  MAPBOX_TOKEN: z.string().min(1).optional(),
  /**
   * An XYZ raster base-map tile template with {z}, {x} and {y}, e.g. 天地图's
   * `https://t0.tianditu.gov.cn/DataServer?T=vec_w&x={x}&y={y}&l={z}&tk=<token>`. Drawn under the
   * map's own layers (MapLibre); ignored when MAPBOX_TOKEN is set.
   */
  MAP_TILE_URL: z
    .string()
    .url()
    .refine((u) => ['{z}', '{x}', '{y}'].every((k) => u.includes(k)), 'MAP_TILE_URL needs {z}, {x} and {y}')
    .optional(),
});

/** A switch left unset is on in development (`npm run dev`) only. */
const devDefault = (value: 'true' | 'false' | undefined, nodeEnv: string) =>
  value === undefined ? nodeEnv === 'development' : value === 'true';

const settings = schema
  .refine((s) => !s.MQTT_TLS_CERT === !s.MQTT_TLS_KEY, {
    message: 'set MQTT_TLS_CERT and MQTT_TLS_KEY together',
    path: ['MQTT_TLS_CERT'],
  })
  .transform(({ SIMULATE, SEED_DEMO, ...rest }) => ({
    ...rest,
    SIMULATE: devDefault(SIMULATE, rest.NODE_ENV),
    SEED_DEMO: devDefault(SEED_DEMO, rest.NODE_ENV),
  }));

export type Env = z.infer<typeof settings>;

function parse(): Env {
  const result = settings.safeParse(process.env);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid environment settings (see README, Configuration):\n${lines.join('\n')}`);
  }
  return result.data;
}

export const env = parse();
