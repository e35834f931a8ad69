import { CommunityListSkeleton } from './_components/community-list-skeleton';

export default function Loading() {
  return <CommunityListSkeleton />;
}
