// The last 90 days in each community: incidents, the alarms they and the
// devices raised, and work orders. 荆胡 sees most events (its cameras catch
// them); 星怡 has its garage fire and a stream of 12345 orders.
import type { DeviceClass } from '../vocab';
import { deviceAlarms, insertAlarms, type AlarmDraft } from './alarms';
import type { CaifuSeed } from './caifu-xingyuan';
import type { Clock } from './clock';
import { ebikeIncidents, fireIncident, insertIncidents, throwingIncidents, type IncidentDraft } from './incidents';
import type { Seeder } from './insert';
import type { JinghuSeed } from './jinghu';
import { crew } from './names';
import { Rng } from './prng';
import { COMMON, seedWorkOrders } from './work-orders';
import { LOBBY_CAMERA_PREFIX, type XingyiSeed } from './xingyi-huayuan';

/** Days before today of the 星怡 garage fire; "凌晨", put out in 15 minutes. */
const XINGYI_FIRE_DAYS_AGO = 47;

/** Incidents go in first, so the alarms they raise can point at them; then all alarms in time order. */
async function incidentsAndAlarms(
  seeder: Seeder,
  clock: Clock,
  rng: Rng,
  staff: string[],
  incidents: IncidentDraft[],
  others: AlarmDraft[],
): Promise<void> {
  const raised = await insertIncidents(seeder, incidents);
  await insertAlarms(seeder, clock, rng, staff, [...raised, ...others]);
}

export async function seedCaifuHistory(seeder: Seeder, clock: Clock, caifu: CaifuSeed): Promise<void> {
  const rng = new Rng('caifu/history');
  const staff = crew(rng, 4);
  const cid = caifu.community.id;
  const cams = caifu.devices.filter((d) => d.class === 'elevator_ebike_camera');
  // Only elevators already in service can have seen an e-bike.
  await incidentsAndAlarms(
    seeder,
    clock,
    rng,
    staff,
    ebikeIncidents(rng, clock, cid, cams, 9),
    deviceAlarms(rng, clock, cid, caifu.devices, 24),
  );
  await seedWorkOrders(seeder, clock, rng, caifu.community, caifu.grids, staff, {
    prefix: 'CF',
    count: 72,
    sources: { resident: 50, grid: 25, hotline_12345: 15, sensor_alarm: 10 },
    categories: [
      { name: '加装电梯施工', slaHours: 48, texts: ['施工围挡占用通道', '施工噪音影响午休', '施工扬尘'] },
      {
        name: '加装电梯咨询',
        slaHours: 72,
        inFlat: true,
        texts: ['咨询本单元加梯费用分摊', '咨询加梯补贴政策', '反映低层住户顾虑'],
      },
      COMMON.leak,
      COMMON.streetLight,
      COMMON.garbage,
      COMMON.smoke,
      { name: '管道堵塞', slaHours: 24, inFlat: true, texts: ['下水道堵塞', '化粪池外溢'] },
    ],
  });
}

export async function seedJinghuHistory(seeder: Seeder, clock: Clock, jinghu: JinghuSeed): Promise<void> {
  const rng = new Rng('jinghu/history');
  const staff = crew(rng, 8);
  const cid = jinghu.community.id;
  const of = (cls: DeviceClass) => jinghu.devices.filter((d) => d.class === cls);
  const drafts: IncidentDraft[] = [
    ...throwingIncidents(rng, clock, cid, jinghu.community.buildings, of('throwing_camera'), 140),
    ...ebikeIncidents(rng, clock, cid, of('elevator_ebike_camera'), 180),
  ];
  // Kitchen smoke, one real pan fire among them.
  const detectors = of('smoke_detector').filter((d) => d.name.includes('户内'));
  for (let i = 0; i < 5; i++) {
    const device = rng.pick(detectors);
    const real = i === 0;
    drafts.push(
      fireIncident(cid, {
        device,
        occurredAt: clock.at(rng.int(2, clock.historyDays), rng.int(11, 19), rng.int(0, 59)),
        reviewState: real ? 'confirmed' : 'false_alarm',
        evidence: [`smoke-${device.code}`],
        response: real ? [0.5, 2, 12] : [1, 3, 10],
      }),
    );
  }
  await incidentsAndAlarms(seeder, clock, rng, staff, drafts, deviceAlarms(rng, clock, cid, jinghu.devices, 260));
  await seedWorkOrders(seeder, clock, rng, jinghu.community, jinghu.grids, staff, {
    prefix: 'JH',
    count: 260,
    sources: { sensor_alarm: 40, resident: 30, grid: 15, hotline_12345: 15 },
    categories: [
      { name: '高空抛物', slaHours: 24, texts: ['抓拍到高空抛物，入户宣传', '阳台坠物隐患排查'] },
      { name: '电动车进电梯', slaHours: 24, texts: ['电动车反复进电梯，上门劝导', '楼道飞线充电'] },
      COMMON.smoke,
      COMMON.manhole,
      COMMON.leak,
      COMMON.streetLight,
      COMMON.garbage,
      COMMON.noise,
      { name: '绿化灌溉', slaHours: 72, sensor: true, texts: ['土壤墒情偏低，喷灌未启动', '喷头损坏漏水'] },
      { name: '车位共享', slaHours: 48, texts: ['共享车位被长期占用', '车位锁故障'] },
    ],
  });
}

export async function seedXingyiHistory(seeder: Seeder, clock: Clock, xingyi: XingyiSeed): Promise<void> {
  const rng = new Rng('xingyi/history');
  const staff = crew(rng, 6);
  const cid = xingyi.community.id;
  const camera = xingyi.devices.find((d) => d.code === xingyi.fireCameraCode);
  if (!camera) throw new Error('the 14号楼 garage camera is missing');
  const occurredAt = clock.at(XINGYI_FIRE_DAYS_AGO, 3, 12, 40);
  const drafts: IncidentDraft[] = [
    fireIncident(cid, {
      device: camera,
      occurredAt,
      reviewState: 'confirmed',
      evidence: [`clip-${camera.code}-fire`, `snap-${camera.code}-flame`],
      // Seen within seconds, staff on it in two minutes, out within 15 minutes of the first frame.
      response: [0.3, 1.5, 13],
    }),
  ];
  const alarms = deviceAlarms(rng, clock, cid, xingyi.devices, 70);
  // Lobby cameras flag e-bikes parked in the tower lobbies.
  const lobby = xingyi.devices.filter((d) => d.code.startsWith(LOBBY_CAMERA_PREFIX));
  for (let i = 0; i < 90; i++) {
    const cam = rng.pick(lobby);
    alarms.push({
      communityId: cid,
      deviceId: cam.id,
      kind: 'ebike_lobby',
      severity: 'warning',
      openedAt: clock.at(rng.int(1, clock.historyDays), rng.int(6, 23), rng.int(0, 59), rng.int(0, 59)),
    });
  }
  await incidentsAndAlarms(seeder, clock, rng, staff, drafts, alarms);
  await seedWorkOrders(seeder, clock, rng, xingyi.community, xingyi.grids, staff, {
    prefix: 'XY',
    count: 320,
    sources: { hotline_12345: 45, resident: 25, grid: 20, sensor_alarm: 10 },
    hotlineAllSatisfied: true,
    categories: [
      COMMON.ebikeParking,
      COMMON.noise,
      COMMON.leak,
      COMMON.streetLight,
      COMMON.garbage,
      COMMON.smoke,
      { name: '檐口脱落', slaHours: 24, texts: ['檐口脱落需清理', '外墙瓷砖空鼓脱落'] },
      { name: '空调外机', slaHours: 48, texts: ['商户强行安装空调外机', '空调外机滴水扰民'] },
      { name: '门禁故障', slaHours: 24, texts: ['单元门禁无法刷卡', '门禁常开不闭'] },
      {
        name: '居家养老服务',
        slaHours: 72,
        inFlat: true,
        texts: ['申请助浴服务', '高龄老人申请助餐', '申请上门维修水龙头'],
      },
    ],
  });
}
