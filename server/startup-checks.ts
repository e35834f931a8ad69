// What a production start refuses or warns about (README § Security). Pure:
// instrumentation.ts hands it process.env before anything else is loaded, so
// the refusal names the setting instead of failing later in env.ts or better-auth.

/** Signs sessions in development and tests only; it is published in this source. */
export const DEV_SECRET = 'linli-development-secret-do-not-use-in-production';
export const MIN_SECRET_LENGTH = 32;

type Settings = { NODE_ENV?: string; BETTER_AUTH_SECRET?: string; SEED_DEMO?: string };

/** Why BETTER_AUTH_SECRET may not sign sessions under this NODE_ENV, or null. */
export function secretProblem({ NODE_ENV, BETTER_AUTH_SECRET: secret }: Settings): string | null {
  if (NODE_ENV !== 'production') return null;
  if (!secret) return 'BETTER_AUTH_SECRET is not set';
  if (secret === DEV_SECRET) return 'BETTER_AUTH_SECRET is the development value published in the source';
  if (secret.length < MIN_SECRET_LENGTH)
    return `BETTER_AUTH_SECRET has ${secret.length} characters; it needs at least ${MIN_SECRET_LENGTH}`;
  return null;
}

/** The refusal a production start prints: what is wrong and what to set. */
export function refusal(problem: string): string {
  return [
    `Linli will not start in production: ${problem}.`,
    `Set BETTER_AUTH_SECRET to a random value of at least ${MIN_SECRET_LENGTH} characters,`,
    'e.g. BETTER_AUTH_SECRET=$(openssl rand -base64 32), and keep it across restarts (README, Security).',
  ].join('\n');
}

/** The secret better-auth signs with: the development value only outside production. */
export function authSecret(secret: string | undefined, nodeEnv = process.env.NODE_ENV): string {
  const problem = secretProblem({ NODE_ENV: nodeEnv, BETTER_AUTH_SECRET: secret });
  if (problem) throw new Error(refusal(problem));
  return secret ?? DEV_SECRET;
}

/** A loud line for a production start that seeds the demo and its published passwords. */
export function demoWarning({ NODE_ENV, SEED_DEMO }: Settings): string | null {
  if (NODE_ENV !== 'production' || SEED_DEMO !== 'true') return null;
  return (
    'WARNING: SEED_DEMO=true in production: an empty database gets the demo communities and the demo ' +
    'accounts, whose password is published in the README. Unset SEED_DEMO for a real installation (README, Security).'
  );
}
