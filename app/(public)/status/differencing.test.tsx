// No public answer lets a reader work out a suppressed count by differencing
// (docs/DOMAIN.md § Privacy): plant counts that an exact total would give away,
// change one suppressed part by one, and require every status.* answer and the
// rendered pages, in both languages, to stay exactly the same.
import { sql } from 'drizzle-orm';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectRows, type Database } from '~/db/client';
import { seedDemo } from '~/db/seed';
import { localToday } from '~/lib/calendar';
import { createCaller } from '~/server/root';
import { recordingPublisher } from '~/test/callers';
import { createTestDatabase, testEngines } from '~/test/db';
import { CommunityView } from './_components/community-view';
import { UnitView } from './_components/unit-view';

describe.each(testEngines)('suppressed counts on %s', (engine) => {
  let database: Database;
  const anonymous = () => createCaller({ db: database.db, user: null, live: recordingPublisher() });

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    await seedDemo(database.db, { today: localToday() });
  }, 240_000);
  afterAll(() => database?.close());

  async function communityPage(slug: string) {
    const c = anonymous();
    const [summary, retrofit, facilities, safety, service] = await Promise.all([
      c.status.community({ slug }),
      c.status.retrofit({ slug }),
      c.status.facilities({ slug }),
      c.status.safety({ slug }),
      c.status.service({ slug }),
    ]);
    const data = { summary, retrofit, facilities, safety, service };
    const html = (['zh', 'en'] as const).map((locale) =>
      renderToStaticMarkup(<CommunityView data={data} locale={locale} />),
    );
    return { data, html };
  }

  it('keeps one incident in each of three floor bands from showing through the month and year totals', async () => {
    // The tallest 星怡花园 building with no throwing on record.
    const [b] = await selectRows<{ id: number; communityId: number; number: string; floors: number }>(
      database.db,
      sql`select b.id, b.community_id as "communityId", b.number, b.floors from buildings b
          join communities c on c.id = b.community_id
          where c.slug = 'xingyi-huayuan' and not exists (select 1 from incident_floor_monthly m where m.building_id = b.id)
          order by b.floors desc, b.id limit 1`,
    );
    const floors = [1, Math.ceil(b!.floors / 2), b!.floors];
    const plant = (floor: number) =>
      database.db.execute(sql`insert into incidents (community_id, kind, building_id, floor, occurred_at)
        values (${b!.communityId}, 'throwing', ${b!.id}, ${floor}, now())`);
    for (const floor of floors) await plant(floor);
    const ones = await communityPage('xingyi-huayuan');
    const cells = ones.data.safety.throwing.buildings.find((x) => x.number === b!.number)?.cells;
    // Three cells, one per band, each "<3": the planted incidents are really on the page.
    expect(cells?.map((c) => c.count)).toEqual(['<3', '<3', '<3']);
    expect(new Set(cells?.map((c) => c.band?.from)).size).toBe(3);
    // The month's total is a lower bound, and the page says why.
    expect(ones.data.safety.throwing.byMonth.at(-1)?.count).toMatch(/^≥/);
    expect(ones.html[0]).toContain('只公布至少有多少起');
    expect(ones.html[1]).toContain('only the least it can be is published');

    await plant(floors[1]!);
    const twoInTheMiddle = await communityPage('xingyi-huayuan');
    expect(twoInTheMiddle.data).toEqual(ones.data);
    expect(twoInTheMiddle.html).toEqual(ones.html);
  });

  it('keeps a unit’s one resolved objection from showing through the number received', async () => {
    // 财富星苑 6-1 is in its publicity period: three objections still open, one resolved.
    const [u] = await selectRows<{ caseId: number; building: string; unit: number }>(
      database.db,
      sql`select r.id as "caseId", b.number as building, u.ordinal as unit from retrofit_cases r
          join units u on u.id = r.unit_id join buildings b on b.id = u.building_id
          join communities c on c.id = b.community_id
          where c.slug = 'caifu-xingyuan' and r.stage = 'publicity' order by r.id limit 1`,
    );
    await database.db.execute(sql`delete from retrofit_objections where case_id = ${u!.caseId}`);
    const object = (resolved: boolean) =>
      database.db.execute(sql`insert into retrofit_objections (case_id, received_on, channel, summary, resolved_on)
        values (${u!.caseId}, current_date, '书面', '意见', ${resolved ? sql`current_date` : null})`);
    for (const resolved of [false, false, false, true]) await object(resolved);
    const page = async () => {
      const data = await anonymous().status.unit({ slug: 'caifu-xingyuan', building: u!.building, unit: u!.unit });
      const html = (['zh', 'en'] as const).map((locale) => renderToStaticMarkup(<UnitView u={data} locale={locale} />));
      return { data, html };
    };
    const oneResolved = await page();
    expect(oneResolved.data.retrofit?.publicity?.openObjections).toBe(3);

    await object(true);
    const twoResolved = await page();
    expect(twoResolved.data).toEqual(oneResolved.data);
    expect(twoResolved.html).toEqual(oneResolved.html);
    expect(oneResolved.html[0]).toContain('至少 4');
    expect(oneResolved.html[1]).toContain('at least 4');
  });
});
