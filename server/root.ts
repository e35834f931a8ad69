import { accountRouter } from './routers/account';
import { alarmRouter } from './routers/alarm';
import { buildingRouter } from './routers/building';
import { communityRouter } from './routers/community';
import { deviceRouter } from './routers/device';
import { incidentRouter } from './routers/incident';
import { patrolRouter } from './routers/patrol';
import { retrofitRouter } from './routers/retrofit';
import { statusRouter } from './routers/status';
import { workOrderRouter } from './routers/work-order';
import { createCallerFactory, createTRPCRouter } from './trpc';

export const appRouter = createTRPCRouter({
  account: accountRouter,
  alarm: alarmRouter,
  building: buildingRouter,
  community: communityRouter,
  device: deviceRouter,
  incident: incidentRouter,
  patrol: patrolRouter,
  retrofit: retrofitRouter,
  status: statusRouter,
  workOrder: workOrderRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
