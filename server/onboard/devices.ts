// Validates an installer's device list row by row against the community's buildings, units and
// camera poles: class by its Chinese or English name, place by building/unit/floor or by
// longitude/latitude/height in a named CRS (converted to local metres once, here), throwing
// cameras by pole ("5栋南杆") and floor band. Pure: the site comes in as data; the import writes
// only when no row is bad.
import { DEFAULT_HEARTBEAT_SECONDS, DEVICE_CLASSES, FACADES, type DeviceClass, type Facade } from '~/db/vocab';
import { outFromFacade } from '../geo/facade';
import { plausibleLngLat, toLocal, toWgs84, type Anchor, type Crs } from '../geo/crs';
import { buildingNumberOf, findColumns, intCell, numberCell, type ColumnSpec } from './columns';
import { findUnit } from './households';

export type SiteUnit = { id: number; ordinal: number; name: string; stairX: number; stairY: number };
export type SiteBuilding = {
  id: number;
  number: string;
  name: string;
  floors: number;
  floorHeight: number;
  footprint: ReadonlyArray<{ x: number; y: number }>;
  units: readonly SiteUnit[];
};
export type SitePole = { id: number; buildingId: number; facade: Facade; x: number; y: number; heightM: number };
export type DeviceSite = {
  communityId: number;
  anchor: Anchor;
  buildings: readonly SiteBuilding[];
  poles: readonly SitePole[];
  /** Codes of the file that the database holds already, with the community that holds each. */
  codesInUse: ReadonlyMap<string, number>;
};

/** A pole the import adds: one per building façade named, unless the building has it already. */
export type NewPole = Omit<SitePole, 'id'> & { distanceM: number };

export type DeviceRow = {
  row: number;
  code: string;
  class: DeviceClass;
  name: string;
  buildingId: number | null;
  unitId: number | null;
  floor: number | null;
  x: number | null;
  y: number | null;
  z: number | null;
  /** The camera pole, by building and façade (existing or in `poles`). */
  pole: { buildingId: number; facade: Facade } | null;
  config: { floorBand?: [number, number]; facade?: Facade };
  heartbeatSeconds: number;
};

export type DeviceImportErrorCode =
  | 'missingColumns'
  | 'noRows'
  | 'codeFormat'
  | 'repeated'
  | 'codeTaken'
  | 'codeExists'
  | 'classUnknown'
  | 'noPlace'
  | 'noBuilding'
  | 'noUnit'
  | 'floorRange'
  | 'coordinateNumber'
  | 'crsMissing'
  | 'crsUnknown'
  | 'swapped'
  | 'farAway'
  | 'heightNumber'
  | 'heartbeatNumber'
  | 'poleMissing'
  | 'poleFormat'
  | 'poleNotCamera'
  | 'bandMissing'
  | 'bandFormat'
  | 'bandRange'
  | 'nameLength';
export type DeviceImportError = { row: number; code: DeviceImportErrorCode; params: Record<string, string | number> };

export const DEVICE_COLUMNS = {
  code: ['设备编号', '编号', '设备编码', '设备号', '设备ID', 'code', 'device code', 'device id'],
  class: ['设备类型', '类型', '设备类别', '类别', 'class', 'type', 'device class', 'device type'],
  name: ['设备名称', '名称', 'name', 'device name'],
  building: ['楼栋', '楼号', '楼栋号', 'building'],
  unit: ['单元', 'unit'],
  floor: ['楼层', '层', '所在楼层', 'floor'],
  lng: ['经度', 'longitude', 'lng', 'lon'],
  lat: ['纬度', 'latitude', 'lat'],
  height: ['安装高度', '高度', 'height', 'height m', 'z'],
  crs: ['坐标系', '坐标系统', 'crs', 'coordinate system'],
  heartbeat: ['心跳间隔', '心跳', '心跳周期', 'heartbeat', 'heartbeat seconds', 'heartbeat s'],
  pole: ['立杆', '杆位', '所属立杆', 'pole'],
  band: ['监控楼层', '楼层段', '覆盖楼层', 'floor band', 'floors watched'],
} as const satisfies ColumnSpec<string>;
type Column = keyof typeof DEVICE_COLUMNS;

/** The words installers use for each class; the first is the class's Chinese name in default device names. */
export const CLASS_WORDS: Record<DeviceClass, readonly string[]> = {
  elevator_controller: ['电梯控制器', '电梯', '梯控', '电梯梯控', '电梯运行监测', '电梯物联网'],
  elevator_ebike_camera: ['电梯电动车阻车', '电动车阻车', '电梯电动车识别', '电动车入梯识别', '电梯阻车摄像机'],
  throwing_camera: ['高空抛物摄像机', '高空抛物', '高空抛物抓拍', '高空抛物监测', '抛物摄像机'],
  surveillance_camera: ['监控摄像机', '监控', '摄像机', '摄像头', '视频监控', '枪机', '球机'],
  smoke_detector: ['烟感', '烟雾探测器', '独立式烟感', '烟感报警器', '感烟探测器'],
  fire_water_pressure: ['消防水压', '消防水压监测', '水压传感器', '消火栓水压', '消防栓'],
  combustible_gas: ['燃气探测器', '可燃气体探测器', '燃气报警器', '燃气'],
  access_control: ['门禁', '门禁控制器', '人脸门禁', '门禁机'],
  garage_plate_recognition: ['车牌识别', '车牌识别摄像机', '道闸车牌识别', '车牌识别一体机'],
  parking_space: ['车位检测器', '车位传感器', '地磁车位', '车位'],
  environment: ['环境监测', '环境监测站', '环境传感器', '气象站'],
  water_quality: ['水质监测', '水质传感器', '水质'],
  irrigation_soil: ['土壤墒情', '土壤传感器', '智能灌溉', '灌溉'],
  manhole_cover: ['井盖', '智能井盖', '井盖传感器'],
  water_leak_contact: ['水浸', '水浸传感器', '门磁', '水浸门磁'],
  ebike_charging_shed: ['电动车充电棚', '充电棚', '充电桩', '电动车充电'],
};

const CLASS_BY_WORD = new Map<string, DeviceClass>();
for (const cls of DEVICE_CLASSES) {
  for (const w of [...CLASS_WORDS[cls], cls, cls.replaceAll('_', ' '), cls.replaceAll('_', '-')]) {
    CLASS_BY_WORD.set(w.replace(/\s+/g, ' ').toLowerCase(), cls);
  }
}

/** "烟感", "smoke_detector", "Smoke Detector" → smoke_detector. */
export function classOf(text: string): DeviceClass | null {
  return CLASS_BY_WORD.get(text.trim().replace(/\s+/g, ' ').toLowerCase()) ?? null;
}

const CRS_WORDS: Record<string, Crs> = {
  wgs84: 'wgs84',
  'wgs-84': 'wgs84',
  'wgs 84': 'wgs84',
  gps: 'wgs84',
  'epsg:4326': 'wgs84',
  cgcs2000: 'cgcs2000',
  gcj02: 'gcj02',
  'gcj-02': 'gcj02',
  火星坐标: 'gcj02',
  高德: 'gcj02',
  腾讯: 'gcj02',
  amap: 'gcj02',
  bd09: 'bd09',
  'bd-09': 'bd09',
  百度: 'bd09',
  baidu: 'bd09',
};

const FACADE_WORDS: Record<string, Facade> = { 东: 'east', 南: 'south', 西: 'west', 北: 'north' };
for (const f of FACADES) FACADE_WORDS[f] = f;

/** "5栋南杆", "5号楼南侧立杆", "5 south" → building "5", façade south. */
export function parsePole(text: string): { building: string; facade: Facade } | null {
  const m =
    /^(.+?)(?:号楼|栋|幢|号|#)?[\s-]*(东|南|西|北|east|south|west|north)(?:侧|面|立面)?(?:监控杆|立杆|杆|pole)?$/i.exec(
      text.trim(),
    );
  return m ? { building: m[1]!.trim(), facade: FACADE_WORDS[m[2]!.toLowerCase()]! } : null;
}

/**
 * "3-8", "3~8", "3至8层", "5" → [3, 8]. Excel turns a typed "3-8" into the date 8 March, which
 * reaches us as "YYYY-03-08": month and day are then the band.
 */
export function parseBand(text: string): [number, number] | null {
  const t = text.replace(/\s+/g, '').replace(/层|楼|f/gi, '');
  const date = /^\d{4}-(\d{2})-(\d{2})$/.exec(t);
  const m = date ?? /^(\d{1,3})(?:[-–—~～至到](\d{1,3}))?$/.exec(t);
  if (!m) return null;
  const from = Number(m[1]);
  return [from, m[2] === undefined ? from : Number(m[2])];
}

/** A device 5 km or more from the anchor is in another place, or its coordinates are wrong. */
const MAX_DISTANCE_M = 5000;
/** The demo's poles stand 5–6 m off the façade. */
export const POLE_DISTANCE_M = 5.5;
const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const MAX_NAME = 80;

/** The codes the file names, to look up in the database before validating. */
export function deviceCodesIn(table: readonly (readonly string[])[]): string[] {
  const col = findColumns(table[0] ?? [], DEVICE_COLUMNS).code;
  // Only well-formed codes are looked up; the others are refused row by row anyway.
  return col < 0
    ? []
    : table
        .slice(1)
        .map((r) => (r[col] ?? '').trim())
        .filter((code) => CODE.test(code));
}

export function validateDevices(
  table: readonly (readonly string[])[],
  site: DeviceSite,
): { rows: DeviceRow[]; poles: NewPole[]; errors: DeviceImportError[] } {
  const errors: DeviceImportError[] = [];
  const rows: DeviceRow[] = [];
  const poles: NewPole[] = [];
  const col = findColumns(table[0] ?? [], DEVICE_COLUMNS);
  const absent: Column[] = (['code', 'class'] as const).filter((k) => col[k] < 0);
  if (col.building < 0 && (col.lng < 0 || col.lat < 0) && col.pole < 0) absent.push('building');
  if (absent.length > 0) {
    errors.push({
      row: 1,
      code: 'missingColumns',
      params: { columnsZh: absent.map((k) => DEVICE_COLUMNS[k][0]).join('、'), columns: absent.join(', ') },
    });
    return { rows, poles, errors };
  }
  const byNumber = new Map(site.buildings.map((b) => [b.number, b]));
  const findBuilding = (text: string) =>
    byNumber.get(buildingNumberOf(text)) ?? site.buildings.find((b) => b.name === text.replace(/\s+/g, ''));
  const seen = new Map<string, number>();

  table.slice(1).forEach((cells, i) => {
    const row = i + 2;
    if (cells.every((c) => c.trim() === '')) return;
    const cell = (k: Column) => (col[k] >= 0 ? (cells[col[k]] ?? '').trim() : '');
    const bad = (code: DeviceImportErrorCode, params: DeviceImportError['params'] = {}) =>
      errors.push({ row, code, params });

    const code = cell('code');
    if (!CODE.test(code)) return bad('codeFormat', { code });
    const first = seen.get(code);
    if (first !== undefined) return bad('repeated', { code, first });
    seen.set(code, row);
    const holder = site.codesInUse.get(code);
    if (holder !== undefined) return bad(holder === site.communityId ? 'codeExists' : 'codeTaken', { code });
    const cls = classOf(cell('class'));
    if (!cls) return bad('classUnknown', { class: cell('class') });

    const out: DeviceRow = {
      row,
      code,
      class: cls,
      name: '',
      buildingId: null,
      unitId: null,
      floor: null,
      x: null,
      y: null,
      z: null,
      pole: null,
      config: {},
      heartbeatSeconds: DEFAULT_HEARTBEAT_SECONDS[cls],
    };
    let where = '';

    // Building, unit, floor.
    let building: SiteBuilding | undefined;
    if (cell('building')) {
      building = findBuilding(cell('building'));
      if (!building) return bad('noBuilding', { building: cell('building') });
      out.buildingId = building.id;
      where = building.name;
      if (cell('unit')) {
        const unit = findUnit(building.units, cell('unit'));
        if (!unit) return bad('noUnit', { building: building.name, unit: cell('unit') });
        out.unitId = unit.id;
        where += unit.name;
        // Where the demo puts them: a door at the stair's foot, a lift beside its shaft.
        if (cls === 'access_control') Object.assign(out, { x: unit.stairX, y: unit.stairY, z: 0, floor: 1 });
        if (cls === 'elevator_controller' || cls === 'elevator_ebike_camera') {
          Object.assign(out, { x: unit.stairX, y: unit.stairY + 3 });
        }
      }
      if (cell('floor')) {
        // Basements count down from -1; there is no floor 0.
        const floor = intCell(cell('floor'), -5, building.floors, null);
        if (floor === null || floor === 0) return bad('floorRange', { floor: cell('floor'), floors: building.floors });
        out.floor = floor;
        where += `${floor}层`;
      }
    }

    // Longitude, latitude, height in the named CRS: local metres, converted exactly once.
    if (cell('lng') || cell('lat')) {
      const lng = numberCell(cell('lng'), /°/g);
      const lat = numberCell(cell('lat'), /°/g);
      if (!Number.isFinite(lng) || !Number.isFinite(lat)) {
        return bad('coordinateNumber', { lng: cell('lng'), lat: cell('lat') });
      }
      if (!plausibleLngLat([lng, lat]))
        return bad(plausibleLngLat([lat, lng]) ? 'swapped' : 'coordinateNumber', { lng, lat });
      if (!cell('crs')) return bad('crsMissing');
      const crs = CRS_WORDS[cell('crs').toLowerCase()];
      if (!crs) return bad('crsUnknown', { crs: cell('crs') });
      const local = toLocal(site.anchor, toWgs84([lng, lat], crs));
      const distance = Math.hypot(local.x, local.y);
      if (distance > MAX_DISTANCE_M) {
        const swapped = Math.hypot(...Object.values(toLocal(site.anchor, toWgs84([lat, lng], crs))));
        return bad(swapped < MAX_DISTANCE_M ? 'swapped' : 'farAway', { lng, lat, km: Math.round(distance / 100) / 10 });
      }
      const height = cell('height') ? numberCell(cell('height')) : 0;
      if (!Number.isFinite(height) || height < -30 || height > 300)
        return bad('heightNumber', { height: cell('height') });
      Object.assign(out, { x: round2(local.x), y: round2(local.y), z: round2(height) });
    }

    // Camera poles and floor bands.
    if (cell('pole')) {
      if (cls !== 'throwing_camera' && cls !== 'surveillance_camera')
        return bad('poleNotCamera', { pole: cell('pole') });
      const p = parsePole(cell('pole'));
      if (!p) return bad('poleFormat', { pole: cell('pole') });
      const b = findBuilding(p.building);
      if (!b) return bad('noBuilding', { building: p.building });
      const pole =
        site.poles.find((q) => q.buildingId === b.id && q.facade === p.facade) ??
        poles.find((q) => q.buildingId === b.id && q.facade === p.facade) ??
        newPole(b, p.facade, poles);
      building = b;
      where = cell('pole');
      Object.assign(out, {
        buildingId: b.id,
        pole: { buildingId: b.id, facade: p.facade },
        x: pole.x,
        y: pole.y,
        z: cls === 'throwing_camera' ? pole.heightM : round2(pole.heightM - 0.3),
      });
      out.config.facade = p.facade;
    } else if (cls === 'throwing_camera') return bad('poleMissing');
    if (cls === 'throwing_camera') {
      if (!cell('band')) return bad('bandMissing');
      const band = parseBand(cell('band'));
      if (!band) return bad('bandFormat', { band: cell('band') });
      if (band[0] < 1 || band[0] > band[1] || band[1] > building!.floors) {
        return bad('bandRange', { band: cell('band'), floors: building!.floors });
      }
      out.config.floorBand = band;
      where += `${band[0]}—${band[1]}层`;
    }
    if (out.buildingId === null && out.x === null) return bad('noPlace');

    if (cell('heartbeat')) {
      const seconds = intCell(cell('heartbeat'), 10, 86_400, null);
      if (seconds === null) return bad('heartbeatNumber', { heartbeat: cell('heartbeat') });
      out.heartbeatSeconds = seconds;
    }
    out.name = cell('name') || `${where}${CLASS_WORDS[cls][0]}${where ? '' : ` ${code}`}`;
    if (out.name.length > MAX_NAME) return bad('nameLength', { max: MAX_NAME });
    rows.push(out);
  });
  if (rows.length === 0 && errors.length === 0) errors.push({ row: 1, code: 'noRows', params: {} });
  return { rows, poles, errors };
}

function newPole(b: SiteBuilding, facade: Facade, poles: NewPole[]): NewPole {
  const at = outFromFacade(b.footprint, facade, POLE_DISTANCE_M);
  // A throwing camera looks up the whole façade: the pole stands about as tall as the building.
  const pole = {
    buildingId: b.id,
    facade,
    x: round2(at.x),
    y: round2(at.y),
    heightM: round2(Math.max(6.5, b.floors * b.floorHeight)),
    distanceM: POLE_DISTANCE_M,
  };
  poles.push(pole);
  return pole;
}

const round2 = (n: number) => Math.round(n * 100) / 100;
