// Every setting Linli reads from the environment, validated once.
import { z } from 'zod';

const schema = z.object({
  /** postgres://… selects PostgreSQL; unset, the app uses embedded PGlite. */
  DATABASE_URL: z.string().url().optional(),
  /** Where embedded PGlite keeps its files. */
  PGLITE_DIR: z.string().default('.data/pglite'),
  /** Seed the three demo communities into an empty database. */
  SEED_DEMO: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  /** Signs session cookies. A fixed development value is used when unset. */
  BETTER_AUTH_SECRET: z.string().min(32).optional(),
  /** The public origin, e.g. https://linli.example.cn; defaults to the request's own. */
  BETTER_AUTH_URL: z.string().url().optional(),
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
});

export type Env = z.infer<typeof schema>;

function parse(): Env {
  const result = schema.safeParse(process.env);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid environment settings (see README, Configuration):\n${lines.join('\n')}`);
  }
  return result.data;
}

export const env = parse();
