// Next.js calls register() once per server process. The live side (MQTT
// door, frame bus, sweeps, the demo simulator) starts here in the Node.js
// runtime only, and never while `next build` collects pages: build workers
// are several processes, and only one may open a PGlite folder.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  // Before any request is answered: per-client limits read the peer from it (server/http/client-address.ts).
  const { installPeerAddressHeader } = await import('./server/http/peer-address');
  installPeerAddressHeader();
  if (process.env.NEXT_PHASE === 'phase-production-build') return;
  const { bootRuntime } = await import('./server/runtime/boot');
  // Not awaited: the server answers requests while the database opens.
  void bootRuntime();
}
