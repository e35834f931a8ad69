import { describe, expect, it } from 'vitest';
import { districtScope, levelOfName } from './district-scope';

describe('the district screen’s scope', () => {
  it('reads the level from the place’s own name', () => {
    expect(levelOfName('建中街街道')).toBe('street');
    expect(levelOfName('花山镇')).toBe('street');
    expect(levelOfName('江汉区')).toBe('district');
    expect(levelOfName('经济技术开发区')).toBe('district');
    expect(levelOfName('Jianzhong')).toBeNull();
  });

  it('is the one street the communities are on, as a 街道', () => {
    const list = [
      { street: '建中街街道', district: '江汉区' },
      { street: '建中街街道', district: '江汉区' },
    ];
    expect(districtScope(list)).toEqual({ level: 'street', name: '建中街街道' });
  });

  it('is their one district, as 区级, when they span streets', () => {
    const list = [
      { street: '建中街街道', district: '江汉区' },
      { street: '民族街道', district: '江汉区' },
    ];
    expect(districtScope(list)).toEqual({ level: 'district', name: '江汉区' });
  });

  it('is 区级 with no one name across districts, and for nothing at all', () => {
    const list = [
      { street: '建中街街道', district: '江汉区' },
      { street: '人和路街道', district: '硚口区' },
    ];
    expect(districtScope(list)).toEqual({ level: 'district', name: null });
    expect(districtScope([])).toEqual({ level: 'district', name: null });
  });
});
