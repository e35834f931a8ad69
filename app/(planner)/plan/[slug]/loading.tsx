import { PlannerSkeleton } from './_components/planner-skeleton';

export default function Loading() {
  return <PlannerSkeleton />;
}
