// One table decides which pages an account may open; the navigation and the home page read it.
import { describe, expect, it } from 'vitest';
import type { Standing } from './access';
import { communityPagesFor, mayOpen, sitePagesFor } from './pages';

const one = (
  roles: Standing['communities'][number]['roles'],
  tiers: Standing['communities'][number]['tiers'],
): Standing => ({
  admin: false,
  communities: [{ slug: 'caifu-xingyuan', name: '财富星苑', nameEn: 'Caifu', roles, tiers }],
});
const admin: Standing = { admin: true, communities: [] };
const staff = one(['staff'], ['viewer', 'planner', 'staff']);
const planner = one(['planner'], ['viewer', 'planner']);
const viewer = one(['viewer'], ['viewer']);
const resident = one(['resident'], []);
const district = one(['district'], ['viewer', 'planner', 'staff']);

describe('sitePagesFor (the navigation)', () => {
  it('gives an admin every page', () => {
    expect(sitePagesFor(admin)).toEqual(['/', '/plan', '/map', '/screen/district', '/setup', '/screens', '/accounts']);
  });
  it('gives a planner the planner, the map and the district screen, but no setup, screens or accounts', () => {
    expect(sitePagesFor(planner)).toEqual(['/', '/plan', '/map', '/screen/district']);
  });
  it('gives a viewer no planner and no setup', () => {
    expect(sitePagesFor(viewer)).toEqual(['/', '/map', '/screen/district']);
  });
  it('gives a resident no staff page at all', () => {
    expect(sitePagesFor(resident)).toEqual(['/']);
  });
  it('gives staff and district setup, and never the admin pages', () => {
    expect(sitePagesFor(staff)).toEqual(['/', '/plan', '/map', '/screen/district', '/setup']);
    expect(mayOpen(district, '/setup')).toBe(true);
    expect(mayOpen(district, '/accounts')).toBe(false);
  });
});

describe('communityPagesFor (the home page cards)', () => {
  it('opens a community by tier, and only that community', () => {
    expect(communityPagesFor(staff, 'caifu-xingyuan')).toEqual([
      'twin',
      'ops',
      'setup',
      'screen',
      'retrofit',
      'plan',
      'status',
    ]);
    expect(communityPagesFor(planner, 'caifu-xingyuan')).toEqual(['screen', 'retrofit', 'plan', 'status']);
    expect(communityPagesFor(viewer, 'caifu-xingyuan')).toEqual(['screen', 'status']);
    expect(communityPagesFor(planner, 'jinghu')).toEqual(['status']);
    expect(communityPagesFor(admin, 'jinghu')).toContain('ops');
  });
});
