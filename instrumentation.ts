// Next.js calls register() once per server process. The live side (MQTT
// door, frame bus, sweeps, the demo simulator) starts here in the Node.js
// runtime only, and never while `next build` collects pages: build workers
// are several processes, and only one may open a PGlite folder. A build needs
// no secret; a production start without a proper one stops here (README § Security).
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  // Before any request is answered: per-client limits read the peer from it (server/http/client-address.ts).
  const { installPeerAddressHeader } = await import('./server/http/peer-address');
  installPeerAddressHeader();
  if (process.env.NEXT_PHASE === 'phase-production-build') return;
  const { demoWarning, refusal, secretProblem } = await import('./server/startup-checks');
  const problem = secretProblem(process.env);
  if (problem) {
    console.error(refusal(problem));
    // Exit, not throw: a throw here only logs "Failed to prepare server" and
    // `next start` goes on listening (tried on Next.js 16.4).
    process.exit(1);
  }
  const warning = demoWarning(process.env);
  if (warning) console.warn(warning);
  const { bootRuntime } = await import('./server/runtime/boot');
  // Not awaited: the server answers requests while the database opens.
  void bootRuntime();
}
