import { PipelineSkeleton } from './_components/pipeline-skeleton';

export default function Loading() {
  return <PipelineSkeleton />;
}
