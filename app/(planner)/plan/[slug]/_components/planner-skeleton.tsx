export function PlannerSkeleton() {
  return (
    <div aria-busy="true" aria-label="加载中 / Loading">
      <div className="skeleton" style={{ minHeight: 40, maxWidth: 360, marginBottom: '1rem' }} />
      <div className="skeleton" style={{ minHeight: 120, marginBottom: '1rem' }} />
      <div className="skeleton" style={{ minHeight: 480 }} />
    </div>
  );
}
