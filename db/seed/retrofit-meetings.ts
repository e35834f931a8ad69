// The micro-grid's joint meetings (联席会议, every two weeks, docs/DOMAIN.md § Retrofit stages)
// and the objections received while a case was in publicity. Their own
// random stream, so the rest of the seed is unchanged by them.
import { retrofitMeetings, retrofitObjections, type MeetingConcern } from '../schema';
import type { Clock } from './clock';
import { insertAll, type Seeder } from './insert';
import type { Rng } from './prng';
import { stagePath, type CaseScript } from './retrofit';

const ROLES: Array<[string, number, number]> = [
  ['社区党委', 1, 2],
  ['居委会', 1, 2],
  ['物业', 1, 2],
  ['楼栋长', 2, 6],
  ['业主代表', 3, 8],
  ['加梯公司', 1, 2],
  ['党员志愿者', 2, 5],
];

const CONCERNS: Array<[string, string]> = [
  ['一楼住户担心采光和噪音', '加梯公司调整井道位置并出具采光分析，志愿者上门解释'],
  ['费用分摊系数有异议', '按楼层系数表公开测算，业主代表逐户核对'],
  ['施工期间出行和安全', '物业设置临时通道和围挡，错峰施工'],
  ['管线迁改影响用水用气', '协调水务、燃气单位提前迁改，停水停气提前三天公告'],
  ['电梯后期维保费用由谁承担', '签订维保协议，维保费按分摊比例逐年收取'],
  ['低楼层住户不愿出资', '一、二层不分摊费用，并说明对房屋价值的影响'],
  ['部分业主长期不在家无法签字', '居委会电话联系并协助办理委托'],
];

export async function insertRetrofitMeetings(
  seeder: Seeder,
  clock: Clock,
  rng: Rng,
  communityId: number,
  scripts: CaseScript[],
  caseIds: number[],
): Promise<void> {
  const active = scripts.filter((s) => s.stage !== 'intent');
  const oldest = Math.max(...scripts.map((s) => s.daysAgo[0] ?? 0));
  const meetings = [];
  // Every 14 days, newest 4 days ago, back to the first registrations.
  for (let daysAgo = oldest - 6; daysAgo >= 4; daysAgo -= 14) {
    const attendees = ROLES.map(([role, min, max]) => ({ role, count: rng.int(min, max) }));
    const concerns: MeetingConcern[] = Array.from({ length: rng.int(1, 3) }, () => {
      const [text, resolution] = rng.pick(CONCERNS);
      const unit = rng.pick(active).unit;
      // Concerns from the last month may still be open.
      const resolved = daysAgo > 30 || rng.chance(0.5);
      return { text, unitId: unit.id, resolved, resolution: resolved ? resolution : null };
    });
    meetings.push({ communityId, heldOn: clock.date(daysAgo), attendees, concerns });
  }
  await insertAll(seeder, retrofitMeetings, meetings);

  // Objections while in publicity: answered before the permit, or still open
  // for a case whose period is running.
  const objections = scripts.flatMap((s, i) => {
    const path = stagePath(s);
    const k = path.indexOf('publicity');
    if (k < 0) return [];
    const posted = s.daysAgo[k] ?? 0;
    const running = s.stage === 'publicity';
    return Array.from({ length: rng.int(running ? 2 : 0, 2) }, (_, n) => {
      const receivedAgo = Math.max(1, posted - rng.int(1, Math.max(1, Math.min(posted - 1, 15))));
      const [summary, response] = rng.pick(CONCERNS);
      const open = running && n === 0;
      return {
        caseId: caseIds[i] as number,
        receivedOn: clock.date(receivedAgo),
        channel: rng.pick(['书面', '电话', '来访']),
        summary,
        resolvedOn: open ? null : clock.date(Math.max(1, receivedAgo - rng.int(1, 3))),
        response: open ? null : response,
      };
    });
  });
  await insertAll(seeder, retrofitObjections, objections);
}
