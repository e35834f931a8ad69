import { accountRouter } from './routers/account';
import { alarmRouter } from './routers/alarm';
import { buildingRouter } from './routers/building';
import { communityRouter } from './routers/community';
import { deviceRouter } from './routers/device';
import { gridRouter } from './routers/grid';
import { householdRouter } from './routers/household';
import { incidentRouter } from './routers/incident';
import { ingestRouter } from './routers/ingest';
import { kioskRouter } from './routers/kiosk';
import { liveRouter } from './routers/live';
import { mapRouter } from './routers/map';
import { onboardRouter } from './routers/onboard';
import { patrolRouter } from './routers/patrol';
import { plannerRouter } from './routers/planner';
import { retrofitRouter } from './routers/retrofit';
import { screenRouter } from './routers/screen';
import { siteRouter } from './routers/site';
import { statusRouter } from './routers/status';
import { twinRouter } from './routers/twin';
import { workOrderRouter } from './routers/work-order';
import { createCallerFactory, createTRPCRouter } from './trpc';

export const appRouter = createTRPCRouter({
  account: accountRouter,
  alarm: alarmRouter,
  building: buildingRouter,
  community: communityRouter,
  device: deviceRouter,
  grid: gridRouter,
  household: householdRouter,
  incident: incidentRouter,
  ingest: ingestRouter,
  kiosk: kioskRouter,
  live: liveRouter,
  map: mapRouter,
  onboard: onboardRouter,
  patrol: patrolRouter,
  planner: plannerRouter,
  retrofit: retrofitRouter,
  screen: screenRouter,
  site: siteRouter,
  status: statusRouter,
  twin: twinRouter,
  workOrder: workOrderRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
