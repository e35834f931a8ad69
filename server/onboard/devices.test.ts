import { describe, expect, it } from 'vitest';
import { fromLocal, fromWgs84 } from '../geo/crs';
import { classOf, parseBand, parsePole, validateDevices, type DeviceSite } from './devices';

const ANCHOR = { anchorLng: 114.362, anchorLat: 30.528 };
// Building 5: a 30 m × 10 m slab from (0,0), 6 floors of 3 m.
const SITE: DeviceSite = {
  communityId: 1,
  anchor: ANCHOR,
  buildings: [
    {
      id: 50,
      number: '5',
      name: '5栋',
      floors: 6,
      floorHeight: 3,
      footprint: [
        { x: 0, y: 0 },
        { x: 30, y: 0 },
        { x: 30, y: 10 },
        { x: 0, y: 10 },
      ],
      units: [
        { id: 51, ordinal: 1, name: '1单元', stairX: 7.5, stairY: 0.5 },
        { id: 52, ordinal: 2, name: '2单元', stairX: 22.5, stairY: 0.5 },
      ],
    },
  ],
  poles: [{ id: 9, buildingId: 50, facade: 'north', x: 15, y: 15.5, heightM: 18 }],
  codesInUse: new Map([
    ['JH-SMK-00001', 2],
    ['GY-OLD-1', 1],
  ]),
};
const HEADER = [
  '设备编号',
  '设备类型',
  '设备名称',
  '楼栋',
  '单元',
  '楼层',
  '经度',
  '纬度',
  '安装高度',
  '坐标系',
  '心跳间隔',
  '立杆',
  '监控楼层',
];
const check = (...rows: string[][]) => validateDevices([HEADER, ...rows], SITE);
const row = (code: string, cls: string, place: Partial<Record<(typeof HEADER)[number], string>> = {}) =>
  HEADER.map((h, i) => (i === 0 ? code : i === 1 ? cls : (place[h] ?? '')));

describe('device list validation', () => {
  it('knows the 16 classes by their Chinese and English names', () => {
    expect(classOf('烟感')).toBe('smoke_detector');
    expect(classOf('烟雾探测器')).toBe('smoke_detector');
    expect(classOf('电梯')).toBe('elevator_controller');
    expect(classOf('高空抛物摄像机')).toBe('throwing_camera');
    expect(classOf('Smoke Detector')).toBe('smoke_detector');
    expect(classOf('water_leak_contact')).toBe('water_leak_contact');
    expect(classOf('烟感器X')).toBeNull();
  });

  it('places by building, unit and floor with a default name and heartbeat', () => {
    const { rows, errors } = check(
      row('GY-SMK-1', '烟感', { 楼栋: '5栋', 单元: '1', 楼层: '3' }),
      row('GY-ACS-1', '门禁', { 楼栋: '5号楼', 单元: '2单元', 心跳间隔: '120' }),
    );
    expect(errors).toEqual([]);
    expect(rows[0]).toMatchObject({
      class: 'smoke_detector',
      name: '5栋1单元3层烟感',
      buildingId: 50,
      unitId: 51,
      floor: 3,
      x: null,
      heartbeatSeconds: 3600,
    });
    // A door at the foot of its stair, as the demo places them.
    expect(rows[1]).toMatchObject({ unitId: 52, x: 22.5, y: 0.5, z: 0, floor: 1, heartbeatSeconds: 120 });
  });

  it('converts GCJ-02 and BD-09 coordinates to local metres once', () => {
    const wgs = fromLocal(ANCHOR, 40, -25);
    const [glng, glat] = fromWgs84(wgs, 'gcj02');
    const [blng, blat] = fromWgs84(wgs, 'bd09');
    const { rows, errors } = check(
      row('GY-MHC-1', '井盖', { 经度: String(glng), 纬度: String(glat), 坐标系: 'GCJ-02' }),
      row('GY-MHC-2', 'manhole cover', { 经度: String(blng), 纬度: String(blat), 坐标系: '百度', 安装高度: '1.5' }),
      row('GY-MHC-3', '井盖', { 经度: String(wgs[0]), 纬度: String(wgs[1]), 坐标系: 'wgs84' }),
    );
    expect(errors).toEqual([]);
    for (const r of rows) {
      expect(r.x).toBeCloseTo(40, 0);
      expect(r.y).toBeCloseTo(-25, 0);
    }
    expect(rows[1]!.z).toBe(1.5);
  });

  it('stands a new pole 5.5 m off the middle of the façade and reuses an existing one', () => {
    const { rows, poles, errors } = check(
      row('GY-THR-1', '高空抛物摄像机', { 立杆: '5栋南杆', 监控楼层: '1-3' }),
      row('GY-THR-2', '高空抛物', { 立杆: '5号楼南侧', 监控楼层: '4至6' }),
      row('GY-THR-3', 'throwing camera', { 立杆: '5栋北杆', 监控楼层: '2026-03-06' }), // Excel made "3-6" a date
    );
    expect(errors).toEqual([]);
    expect(poles).toEqual([{ buildingId: 50, facade: 'south', x: 15, y: -5.5, heightM: 18, distanceM: 5.5 }]);
    expect(rows[0]).toMatchObject({ x: 15, y: -5.5, z: 18, pole: { buildingId: 50, facade: 'south' } });
    expect(rows[0]!.config).toEqual({ facade: 'south', floorBand: [1, 3] });
    expect(rows[1]!.config.floorBand).toEqual([4, 6]);
    expect(rows[2]).toMatchObject({ x: 15, y: 15.5, config: { facade: 'north', floorBand: [3, 6] } });
  });

  it('refuses realistic mistakes, each on its row', () => {
    const { errors } = check(
      row('GY 1', '烟感', { 楼栋: '5' }), // 2: space in code
      row('GY-1', '烟感器X', { 楼栋: '5' }), // 3: unknown class
      row('GY-2', '烟感', { 楼栋: '9' }), // 4: no building
      row('GY-3', '烟感', { 楼栋: '5', 楼层: '7' }), // 5: floor 7 of 6
      row('GY-4', '烟感', {}), // 6: no place
      row('GY-5', '井盖', { 经度: '30.525', 纬度: '114.367', 坐标系: 'gcj02' }), // 7: swapped
      row('GY-6', '井盖', { 经度: '114.367', 纬度: '30.525' }), // 8: no CRS
      row('GY-7', '井盖', { 经度: '116.39', 纬度: '39.9', 坐标系: 'wgs84' }), // 9: Beijing
      row('GY-8', '井盖', { 经度: '东经114', 纬度: '30.5', 坐标系: 'wgs84' }), // 10: not a number
      row('GY-9', '高空抛物摄像机', { 楼栋: '5' }), // 11: no pole
      row('GY-10', '高空抛物摄像机', { 立杆: '5栋南杆', 监控楼层: '4-9' }), // 12: band past the roof
      row('GY-11', '高空抛物摄像机', { 立杆: '5栋南杆', 监控楼层: '低层' }), // 13: band unreadable
      row('GY-12', '烟感', { 立杆: '5栋南杆' }), // 14: smoke detector on a pole
      row('GY-1', '烟感', { 楼栋: '5' }), // 15: code repeats row 3
      row('JH-SMK-00001', '烟感', { 楼栋: '5' }), // 16: another community's code
      row('GY-OLD-1', '烟感', { 楼栋: '5' }), // 17: already imported here
      row('GY-13', '烟感', { 楼栋: '5', 心跳间隔: '5' }), // 18: heartbeat too short
      row('GY-14', '井盖', { 经度: '114.367', 纬度: '30.525', 坐标系: 'utm' }), // 19: unknown CRS
    );
    expect(errors.map((e) => [e.row, e.code])).toEqual([
      [2, 'codeFormat'],
      [3, 'classUnknown'],
      [4, 'noBuilding'],
      [5, 'floorRange'],
      [6, 'noPlace'],
      [7, 'swapped'],
      [8, 'crsMissing'],
      [9, 'farAway'],
      [10, 'coordinateNumber'],
      [11, 'poleMissing'],
      [12, 'bandRange'],
      [13, 'bandFormat'],
      [14, 'poleNotCamera'],
      [15, 'repeated'],
      [16, 'codeTaken'],
      [17, 'codeExists'],
      [18, 'heartbeatNumber'],
      [19, 'crsUnknown'],
    ]);
  });

  it('names missing columns: code, class and some place', () => {
    const { errors } = validateDevices(
      [
        ['编号', '名称'],
        ['A', 'b'],
      ],
      SITE,
    );
    expect(errors[0]).toMatchObject({ row: 1, code: 'missingColumns', params: { columns: 'class, building' } });
  });

  it('reads poles and bands as installers write them', () => {
    expect(parsePole('5栋南杆')).toEqual({ building: '5', facade: 'south' });
    expect(parsePole('12号楼北侧立杆')).toEqual({ building: '12', facade: 'north' });
    expect(parsePole('5 east')).toEqual({ building: '5', facade: 'east' });
    expect(parsePole('南杆')).toBeNull();
    expect(parseBand('3-8')).toEqual([3, 8]);
    expect(parseBand('3~8层')).toEqual([3, 8]);
    expect(parseBand('5')).toEqual([5, 5]);
    expect(parseBand('2026-03-08')).toEqual([3, 8]);
  });
});
