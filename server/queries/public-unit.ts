// The residents' unit page (docs/DOMAIN.md § Privacy): the unit's retrofit timeline as
// stage + date, the publicity (公示) notice as posted, how many objections
// arrived (never who or what), and its elevator. Stage notes, "by" and
// stalled reasons are free text typed by staff and stay off the page: only
// the notice's own fields were written to be posted in the stairwell.
import { sql } from 'drizzle-orm';
import { selectRows, type Db } from '~/db/client';
import { RETROFIT_STAGES, stageIndex, type RetrofitStage } from '~/db/vocab';
import { DomainError } from '../domain/errors';
import { publicTotal, suppressSmall } from '../domain/privacy';
import { publicityPeriod } from '../domain/stage-rules';
import type { ElevatorState } from './public-community';

export async function publicUnit(db: Db, communityId: number, building: string, ordinal: number, today: string) {
  const [u] = await selectRows<{
    unitId: number;
    buildingNumber: string;
    buildingName: string;
    floors: number;
    ordinal: number;
    name: string;
    original: boolean;
  }>(
    db,
    sql`select u.id as "unitId", b.number as "buildingNumber", b.name as "buildingName", b.floors, u.ordinal, u.name, u.has_original_elevator as original
        from units u join buildings b on b.id = u.building_id
        where b.community_id = ${communityId} and b.number = ${building} and u.ordinal = ${ordinal}`,
  );
  if (!u) throw new DomainError('unit.notFound', { building, unit: ordinal });
  const [cases, history, lifts] = await Promise.all([
    selectRows<{
      id: number;
      stage: RetrofitStage;
      publicityDays: number;
      proposal: string | null;
      channel: string | null;
      objections: number;
      open: number;
    }>(
      db,
      sql`select r.id, r.stage, r.publicity_days as "publicityDays", r.publicity_proposal as proposal, r.objection_channel as channel,
            (select count(*)::int from retrofit_objections o where o.case_id = r.id) as objections,
            (select count(*)::int from retrofit_objections o where o.case_id = r.id and o.resolved_on is null) as open
          from retrofit_cases r where r.unit_id = ${u.unitId}`,
    ),
    selectRows<{ stage: RetrofitStage; on: string }>(
      db,
      sql`select c.stage, to_char(c.on, 'YYYY-MM-DD') as on from retrofit_stage_changes c join retrofit_cases r on r.id = c.case_id
          where r.unit_id = ${u.unitId} order by c.on, c.id`,
    ),
    selectRows<{ total: number; running: number }>(
      db,
      sql`select count(*)::int as total, count(*) filter (where status = 'online')::int as running
          from devices where unit_id = ${u.unitId} and class = 'elevator_controller'`,
    ),
  ]);
  const lift = lifts[0] ?? { total: 0, running: 0 };
  const elevator: ElevatorState | null = lift.total === 0 ? null : lift.running > 0 ? 'running' : 'stopped';
  const c = cases[0];
  const period = c ? publicityPeriod({ history, publicityDays: c.publicityDays }, today) : null;
  const nextStage = c && c.stage !== 'stalled' ? (RETROFIT_STAGES[stageIndex(c.stage) + 1] ?? null) : null;
  return {
    building: { number: u.buildingNumber, name: u.buildingName, floors: u.floors },
    unit: { ordinal: u.ordinal, name: u.name, originalElevator: u.original },
    elevator,
    retrofit: c
      ? {
          stage: c.stage,
          timeline: history,
          publicity: period && {
            startsOn: period.startsOn,
            endsOn: period.endsOn,
            days: c.publicityDays,
            daysLeft: c.stage === 'publicity' ? period.daysLeft : 0,
            running: c.stage === 'publicity',
            proposal: c.proposal,
            objectionChannel: c.channel,
            // Received = open + resolved: published so that neither part can be worked out.
            objections: publicTotal([c.open, c.objections - c.open]),
            openObjections: suppressSmall(c.open),
          },
          next: nextStage && {
            stage: nextStage,
            // A permit may follow only once the publicity period has run out.
            notBefore: c.stage === 'publicity' && period ? period.endsOn : null,
          },
        }
      : null,
  };
}
