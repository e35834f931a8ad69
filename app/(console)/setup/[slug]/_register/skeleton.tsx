/** The register pages while their data loads: the import card and a table's outline. */
export function RegisterSkeleton() {
  return (
    <div aria-busy="true" style={{ padding: '1rem 1.25rem' }}>
      <div className="panel" style={{ height: '9rem', opacity: 0.5 }} />
      <div className="panel" style={{ height: '20rem', marginTop: '1rem', opacity: 0.35 }} />
    </div>
  );
}
