// Where 荆胡's 11,786 sensors are. Counts follow from the buildings (a smoke
// alarm per landing, sensors in every flat, one elevator controller per lift);
// parking-space sensors make up the rest, so the total matches the article.
import type { Facade } from '../vocab';
import type { SeededBuilding, SeededCommunity } from './community';
import { Codes, type DeviceDraft } from './devices';
import { floorBands, openGround, siteBounds, type Rect } from './geometry';
import { round, type Rng } from './prng';

export const JINGHU_DEVICES = 11_786;

export type Pole = {
  id: number;
  building: SeededBuilding;
  facade: Facade;
  x: number;
  y: number;
  heightM: number;
  distanceM: number;
};

const GARAGE_Z = -4;

/** The underground garage lies under the two northern rows of towers. */
export function garageRect(buildings: SeededBuilding[]): Rect {
  const towers = buildings.filter((b) => b.floors >= 18).map((b) => b.rect);
  return {
    x0: Math.min(...towers.map((r) => r.x0)),
    y0: Math.min(...towers.map((r) => r.y0)) - 8,
    x1: Math.max(...towers.map((r) => r.x1)),
    y1: Math.max(...towers.map((r) => r.y1)) + 8,
  };
}

export function jinghuDeviceDrafts(rng: Rng, community: SeededCommunity, poles: Pole[]): DeviceDraft[] {
  const codes = new Codes('JH');
  const out: DeviceDraft[] = [];
  const rects = community.buildings.map((b) => b.rect);
  const site = siteBounds(rects, 20);
  const garage = garageRect(community.buildings);
  const outdoors = (cls: DeviceDraft['class'], name: string, z: number) => {
    const p = openGround(rng, site, rects, 2.5);
    out.push({ code: codes.take(cls), class: cls, name, x: p.x, y: p.y, z });
  };
  const underground = (cls: DeviceDraft['class'], name: string, z = GARAGE_Z + 2.8) => {
    out.push({
      code: codes.take(cls),
      class: cls,
      name,
      x: round(rng.range(garage.x0, garage.x1), 1),
      y: round(rng.range(garage.y0, garage.y1), 1),
      z,
    });
  };

  // The pole: the middle camera watches the yard, six watch bands of floors.
  for (const pole of poles) {
    const b = pole.building;
    const at = { buildingId: b.id, poleId: pole.id, x: pole.x, y: pole.y };
    out.push({
      code: codes.take('surveillance_camera'),
      class: 'surveillance_camera',
      name: `${b.name}楼院监控`,
      ...at,
      z: pole.heightM - 0.3,
      config: { facade: pole.facade },
    });
    floorBands(b.floors, 6).forEach((band, i) => {
      out.push({
        code: codes.take('throwing_camera'),
        class: 'throwing_camera',
        name: `${b.name}高空抛物抓拍${i + 1}（${band[0] === band[1] ? band[0] : `${band[0]}—${band[1]}`}层）`,
        ...at,
        z: pole.heightM,
        config: { facade: pole.facade, floorBand: band },
      });
    });
  }

  for (const b of community.buildings) {
    for (const u of b.units) {
      const place = { buildingId: b.id, unitId: u.id };
      const where = `${b.name}${u.name}`;
      out.push({
        code: codes.take('access_control'),
        class: 'access_control',
        name: `${where}门禁`,
        ...place,
        floor: 1,
        x: u.stairX,
        y: u.stairY,
        z: 0,
      });
      if (u.hasOriginalElevator) {
        out.push({
          code: codes.take('elevator_controller'),
          class: 'elevator_controller',
          name: `${where}电梯梯控`,
          ...place,
          x: u.stairX,
          y: u.stairY + 3,
          floors: b.floors,
        });
        out.push({
          code: codes.take('elevator_ebike_camera'),
          class: 'elevator_ebike_camera',
          name: `${where}电梯电动车阻车`,
          ...place,
          x: u.stairX,
          y: u.stairY + 3,
        });
      }
      out.push({
        code: codes.take('fire_water_pressure'),
        class: 'fire_water_pressure',
        name: `${where}消防立管末端压力`,
        ...place,
        floor: b.floors,
      });
      out.push({
        code: codes.take('fire_water_pressure'),
        class: 'fire_water_pressure',
        name: `${where}消防立管首层压力`,
        ...place,
        floor: 1,
      });
      for (let f = 1; f <= b.floors; f++) {
        out.push({
          code: codes.take('smoke_detector'),
          class: 'smoke_detector',
          name: `${where}${f}层前室烟感`,
          ...place,
          floor: f,
        });
      }
      // Household sensors are named by floor only: a room number is personal data.
      for (const h of u.households) {
        const flat = { ...place, floor: h.floor };
        out.push({
          code: codes.take('smoke_detector'),
          class: 'smoke_detector',
          name: `${where}${h.floor}层户内烟感（客厅）`,
          ...flat,
        });
        out.push({
          code: codes.take('smoke_detector'),
          class: 'smoke_detector',
          name: `${where}${h.floor}层户内烟感（卧室）`,
          ...flat,
        });
        out.push({
          code: codes.take('combustible_gas'),
          class: 'combustible_gas',
          name: `${where}${h.floor}层户内燃气探测`,
          ...flat,
        });
        out.push({
          code: codes.take('water_leak_contact'),
          class: 'water_leak_contact',
          name: `${where}${h.floor}层户内水浸`,
          ...flat,
        });
        out.push({
          code: codes.take('water_leak_contact'),
          class: 'water_leak_contact',
          name: `${where}${h.floor}层入户门磁`,
          ...flat,
        });
      }
    }
  }

  for (let i = 1; i <= 120; i++) underground('smoke_detector', `地下车库烟感${i}`);
  for (let i = 1; i <= 12; i++) underground('water_leak_contact', `泵房水浸${i}`, GARAGE_Z);
  for (let i = 1; i <= 8; i++) underground('water_quality', `二次供水水箱水质${i}`, GARAGE_Z);
  for (let i = 1; i <= 4; i++) underground('access_control', `地库人行门禁${i}`, GARAGE_Z);
  for (let i = 1; i <= 12; i++) underground('surveillance_camera', `地库监控${i}`);
  for (let i = 1; i <= 4; i++) underground('garage_plate_recognition', `地库出入口车牌识别${i}`, GARAGE_Z + 1.5);

  for (let i = 1; i <= 6; i++) outdoors('access_control', `小区大门门禁${i}`, 0);
  for (let i = 1; i <= 4; i++) outdoors('garage_plate_recognition', `地面出入口车牌识别${i}`, 1.5);
  for (let i = 1; i <= 28; i++) outdoors('surveillance_camera', `道路监控${i}`, 4);
  for (let i = 1; i <= 36; i++) outdoors('fire_water_pressure', `室外消火栓${i}`, 0.5);
  for (let i = 1; i <= 12; i++) outdoors('environment', `环境监测站${i}`, 3);
  for (let i = 1; i <= 180; i++) outdoors('irrigation_soil', `绿地土壤墒情${i}`, -0.2);
  for (let i = 1; i <= 260; i++) outdoors('manhole_cover', `井盖${i}`, 0);
  for (let i = 1; i <= 28; i++) outdoors('ebike_charging_shed', `电动车充电棚${i}`, 0);

  // Parking sensors fill the rest: about a third on the ground, the rest below.
  const parking = JINGHU_DEVICES - out.length;
  if (parking < 400) throw new Error(`only ${parking} parking sensors left for 荆胡`);
  const ground = Math.round(parking / 3);
  for (let i = 1; i <= ground; i++) outdoors('parking_space', `地面车位${i}`, 0);
  for (let i = 1; i <= parking - ground; i++) underground('parking_space', `地下车位${i}`, GARAGE_Z);
  return out;
}
