import { RegisterSkeleton } from '../_register/skeleton';

export default function Loading() {
  return <RegisterSkeleton />;
}
