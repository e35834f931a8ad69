export function CommunityListSkeleton() {
  return (
    <div className="cards" aria-busy="true" aria-label="加载中 / Loading">
      {[0, 1, 2].map((i) => (
        <div key={i} className="skeleton" />
      ))}
    </div>
  );
}
