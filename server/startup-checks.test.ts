import { describe, expect, it } from 'vitest';
import { authSecret, demoWarning, DEV_SECRET, refusal, secretProblem } from './startup-checks';

const strong = 'k'.repeat(32);

describe('secretProblem', () => {
  it('refuses a production start with no secret, the published one, or one under 32 characters', () => {
    expect(secretProblem({ NODE_ENV: 'production' })).toMatch(/not set/);
    expect(secretProblem({ NODE_ENV: 'production', BETTER_AUTH_SECRET: '' })).toMatch(/not set/);
    expect(secretProblem({ NODE_ENV: 'production', BETTER_AUTH_SECRET: DEV_SECRET })).toMatch(/published/);
    expect(secretProblem({ NODE_ENV: 'production', BETTER_AUTH_SECRET: 'k'.repeat(31) })).toMatch(/31 characters/);
  });

  it('accepts 32 characters or more in production, and anything in development and tests', () => {
    expect(secretProblem({ NODE_ENV: 'production', BETTER_AUTH_SECRET: strong })).toBeNull();
    expect(secretProblem({ NODE_ENV: 'development' })).toBeNull();
    expect(secretProblem({ NODE_ENV: 'test' })).toBeNull();
    expect(secretProblem({})).toBeNull();
  });

  it('says what to set and where to read about it', () => {
    expect(refusal('BETTER_AUTH_SECRET is not set')).toMatch(/BETTER_AUTH_SECRET.*at least 32[\s\S]*README, Security/);
  });
});

describe('authSecret', () => {
  it('falls back to the development value outside production only', () => {
    expect(authSecret(undefined, 'development')).toBe(DEV_SECRET);
    expect(authSecret(undefined, 'test')).toBe(DEV_SECRET);
    expect(authSecret(strong, 'production')).toBe(strong);
    expect(() => authSecret(undefined, 'production')).toThrow(/will not start in production/);
    expect(() => authSecret(DEV_SECRET, 'production')).toThrow(/published/);
  });
});

describe('demoWarning', () => {
  it('warns when production seeds the demo, and not otherwise', () => {
    expect(demoWarning({ NODE_ENV: 'production', SEED_DEMO: 'true' })).toMatch(/^WARNING: SEED_DEMO=true/);
    expect(demoWarning({ NODE_ENV: 'production' })).toBeNull();
    expect(demoWarning({ NODE_ENV: 'development', SEED_DEMO: 'true' })).toBeNull();
  });
});
