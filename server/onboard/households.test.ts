import { describe, expect, it } from 'vitest';
import { normalizePhone, parseRoom, validateHouseholds, type RegisterBuilding } from './households';

const BUILDINGS: RegisterBuilding[] = [1, 2, 5].map((n) => ({
  number: String(n),
  name: `${n}栋`,
  floors: n === 5 ? 18 : 6,
  units: [
    { id: n * 10 + 1, ordinal: 1, name: n === 2 ? '东单元' : '1单元' },
    { id: n * 10 + 2, ordinal: 2, name: n === 2 ? '西单元' : '2单元' },
  ],
}));
const HEADER = [
  '楼栋',
  '单元',
  '房号',
  '建筑面积',
  '0-59岁',
  '60-79岁',
  '80岁以上',
  '行动不便',
  '户主姓名',
  '联系电话',
];
const check = (...rows: string[][]) => validateHouseholds([HEADER, ...rows], BUILDINGS);

describe('household register validation', () => {
  it('takes the units of a building that has none from the register, numbered ones first, then west to east', () => {
    const bare: RegisterBuilding[] = [
      { number: '7', name: '7栋', floors: 6, units: [] },
      { number: '8', name: '8栋', floors: 6, units: [] },
      ...BUILDINGS,
    ];
    const { rows, errors, impliedUnits } = validateHouseholds(
      [
        HEADER,
        ['7', '2单元', '101', '80', '', '', '', '', '', ''],
        ['7', '1', '101', '80', '', '', '', '', '', ''],
        ['7', '1单元', '102', '80', '', '', '', '', '', ''],
        ['7', '1', '103', '80', '', '', '', '', '', ''],
        ['8栋', '东单元', '201', '80', '', '', '', '', '', ''],
        ['8栋', '西', '201', '80', '', '', '', '', '', ''],
        // A building that has units still refuses one it does not have (a typing slip, not a new unit).
        ['5', '9单元', '101', '80', '', '', '', '', '', ''],
      ],
      bare,
    );
    expect(errors.map((e) => [e.row, e.code])).toEqual([[8, 'noUnit']]);
    expect(impliedUnits.map((u) => [u.buildingNumber, u.ordinal, u.name, u.householdsPerFloor])).toEqual([
      ['7', 1, '1单元', 3],
      ['7', 2, '2单元', 1],
      ['8', 1, '西单元', 1],
      ['8', 2, '东单元', 1],
    ]);
    // Rows name the implied units by their temporary ids until they are written.
    const ids = new Map(impliedUnits.map((u) => [`${u.buildingNumber}:${u.name}`, u.tempId]));
    expect(rows.map((r) => r.unitId)).toEqual([
      ids.get('7:2单元'),
      ids.get('7:1单元'),
      ids.get('7:1单元'),
      ids.get('7:1单元'),
      ids.get('8:东单元'),
      ids.get('8:西单元'),
    ]);
  });

  it('reads buildings, units and rooms as clerks write them', () => {
    const { rows, errors } = check(
      ['5', '1', '1301', '89.5', '2', '1', '0', '0', '王建国', '139 0000 1234'],
      ['5号楼', '2单元', '1302室', '89.5㎡', '', '', '', '', '', ''],
      ['2栋', '东单元', '101', '60', '1', '0', '1', '是', '', '027-87654321'],
      ['2', '西', '102', '60', '0', '0', '0', '否', '', ''],
    );
    expect(errors).toEqual([]);
    expect(rows.map((r) => [r.unitId, r.floor, r.door, r.room])).toEqual([
      [51, 13, '01', '1301'],
      [52, 13, '02', '1302'],
      [21, 1, '01', '101'],
      [22, 1, '02', '102'],
    ]);
    expect(rows[0]).toMatchObject({ areaM2: 89.5, occupants0to59: 2, occupants60to79: 1, ownerPhone: '13900001234' });
    expect(rows[1]).toMatchObject({ occupants0to59: 0, ownerName: null, ownerPhone: null });
    expect(rows[2]).toMatchObject({ mobilityImpaired: 1, ownerPhone: '027-87654321' });
  });

  it('reads English headers, a BOM-less CSV with bracketed units, and leaves absent columns undefined', () => {
    const { rows, errors } = validateHouseholds(
      [
        ['Building', 'Unit', 'Room', 'Area (m²)', 'Occupants 60-79'],
        ['1', '1', '601', '70', '2'],
      ],
      BUILDINGS,
    );
    expect(errors).toEqual([]);
    expect(rows[0]).toMatchObject({ room: '601', areaM2: 70, occupants60to79: 2 });
    expect(rows[0]!.occupants0to59).toBeUndefined();
    expect(rows[0]!.ownerName).toBeUndefined();
  });

  it('names the missing columns on row 1 and stops there', () => {
    const { errors } = validateHouseholds(
      [
        ['楼栋', '房号', '户主'],
        ['1', '101', '王'],
      ],
      BUILDINGS,
    );
    expect(errors).toEqual([
      { row: 1, code: 'missingColumns', params: { columnsZh: '单元、建筑面积', columns: 'unit, area' } },
    ]);
  });

  it('refuses every bad row with its spreadsheet row number', () => {
    const { rows, errors } = check(
      ['9', '1', '101', '60', '0', '0', '0', '0', '', ''], // row 2: no building 9
      ['1', '3单元', '101', '60', '0', '0', '0', '0', '', ''], // 3: no unit 3
      ['1', '1', '1a1', '60', '0', '0', '0', '0', '', ''], // 4: room unreadable
      ['1', '1', '701', '60', '0', '0', '0', '0', '', ''], // 5: floor 7 of 6
      ['1', '1', '101', '-3', '0', '0', '0', '0', '', ''], // 6: area
      ['1', '1', '102', '60', '2.5', '0', '0', '0', '', ''], // 7: occupants not whole
      ['1', '1', '201', '60', '21', '0', '0', '0', '', ''], // 8: too many
      ['1', '1', '202', '60', '1', '0', '0', '3', '', ''], // 9: more impaired than live there
      ['1', '1', '301', '60', '1', '0', '0', '0', '', '12345'], // 10: phone
      ['1', '1', '302', '60', '1', '0', '0', '0', '', ''], // 11: fine
      ['1', '1单元', '302', '61', '1', '0', '0', '0', '', ''], // 12: repeats row 11
    );
    expect(errors.map((e) => [e.row, e.code])).toEqual([
      [2, 'noBuilding'],
      [3, 'noUnit'],
      [4, 'roomFormat'],
      [5, 'noFloor'],
      [6, 'areaNumber'],
      [7, 'occupantsNumber'],
      [8, 'occupantsNumber'],
      [9, 'mobilityNumber'],
      [10, 'phoneFormat'],
      [12, 'repeated'],
    ]);
    expect(errors.find((e) => e.code === 'noFloor')!.params).toMatchObject({ floor: 7, floors: 6, building: '1栋' });
    expect(errors.find((e) => e.code === 'repeated')!.params).toMatchObject({ room: '302', first: 11 });
    // The phone itself is not repeated back in the report.
    expect(JSON.stringify(errors)).not.toContain('12345');
    expect(rows).toHaveLength(1);
  });

  it('skips blank lines and reports a file with no rows', () => {
    expect(check(['', '', '', '', '', '', '', '', '', '']).errors).toEqual([{ row: 1, code: 'noRows', params: {} }]);
  });

  it('reads room numbers and phones in their usual spellings', () => {
    expect(parseRoom('1301')).toEqual({ floor: 13, door: '01', room: '1301' });
    expect(parseRoom('13-01')).toEqual({ floor: 13, door: '01', room: '1301' });
    expect(parseRoom('1301.0')).toEqual({ floor: 13, door: '01', room: '1301' }); // a number cell
    expect(parseRoom('0101')).toEqual({ floor: 1, door: '01', room: '101' }); // zero-padded floors
    expect(parseRoom('001')).toBeNull();
    expect(parseRoom('12')).toBeNull();
    expect(normalizePhone('+86 139-0000-1234'.replace(/-/g, ''))).toBe('13900001234');
    expect(normalizePhone('02787654321')).toBe('02787654321');
    expect(normalizePhone('23456789012')).toBeNull();
    expect(normalizePhone('87654321')).toBeNull();
  });
});
