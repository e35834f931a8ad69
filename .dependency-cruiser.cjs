// Which folder may import which (`npm run deps`). The layers are described in
// docs/ARCHITECTURE.md: routers → ops (mutations) / queries (reads) → domain
// (pure rules); server/runtime is the composition root; live/ and ingest/ are
// two subsystems that the root wires together; client code sees the server
// only through types.
const fs = require('node:fs');
const path = require('node:path');

/** Files under app/ that start with the 'use client' directive (after comments). */
function clientFiles(dir) {
  const found = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...clientFiles(file));
    else if (/\.tsx?$/.test(entry.name)) {
      const code = fs
        .readFileSync(file, 'utf8')
        .replace(/^(\s*(\/\/[^\n]*|\/\*[\s\S]*?\*\/))*/, '')
        .trimStart();
      if (/^['"]use client['"]/.test(code)) found.push(file.split(path.sep).join('/'));
    }
  }
  return found;
}

const escapeRegExp = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const clientModules = clientFiles(path.join(__dirname, 'app')).map((f) => path.relative(__dirname, f));
// Folders that hold only client code (the 3D scene, the live store, the map),
// plus every file that declares itself a client module.
const CLIENT = ['^app/(_scene|_live|_map)/', ...clientModules.map((f) => `^${escapeRegExp(f)}$`)];

const TEST = '(^(test|e2e|bench)/|\\.test\\.tsx?$|/test-fixtures?\\.ts$)';

/** A rule that allows type-only imports: types are erased before anything runs. */
const typesAllowed = { dependencyTypesNot: ['type-only', 'type-import'] };

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'An import circle (type-only edges excepted: they vanish at run time).',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only', 'type-import'] } },
    },
    {
      name: 'domain-is-pure',
      severity: 'error',
      comment:
        'server/domain holds pure rules: no tables (types it needs live beside it or in db/vocab.ts), ' +
        'no database, no tRPC, no other server layer.',
      from: { path: '^server/domain/' },
      to: {
        path: [
          '^db/(?!vocab\\.ts$)',
          '^server/(?!domain/)',
          '^node_modules/(drizzle-orm|postgres|@electric-sql/pglite|@trpc/server|next)/',
        ],
      },
    },
    {
      name: 'ops-and-queries-below-routers',
      severity: 'error',
      comment: 'ops/ and queries/ are called by routers, never the other way round.',
      from: { path: '^server/(ops|queries)/' },
      to: { path: '^server/(routers/|root\\.ts$|trpc\\.ts$)' },
    },
    {
      name: 'no-trpc-below-routers',
      severity: 'error',
      comment: 'Below routers code throws domain errors with a code and parameters; one place maps them to TRPCError.',
      from: { path: '^server/(domain|ops|queries|ingest)/', pathNot: TEST },
      to: { path: '^node_modules/@trpc/server/' },
    },
    {
      name: 'client-sees-server-as-types',
      severity: 'error',
      comment:
        "Client code ('use client' modules, app/_scene, app/_live, app/_map) imports server code only as " +
        'types; data reaches it through tRPC.',
      from: { path: CLIENT, pathNot: TEST },
      to: { path: ['^server/', '^db/(?!vocab\\.ts$)'], ...typesAllowed },
    },
    {
      name: 'only-entry-points-reach-the-runtime',
      severity: 'error',
      comment:
        'server/runtime assembles the process; subsystems receive what they need (ctx.live for ops) ' +
        'and do not know it exists, not even its types.',
      from: { path: '^server/(domain|ops|queries|routers|live|ingest|auth|import|kiosk)/', pathNot: TEST },
      to: { path: '^server/runtime/' },
    },
    {
      name: 'ingest-not-into-live',
      severity: 'error',
      comment:
        'ingest/ writes and returns what changed; the runtime turns that into live frames. ' +
        'Frame types may be shared.',
      from: { path: '^server/ingest/', pathNot: TEST },
      to: { path: '^server/live/', ...typesAllowed },
    },
    {
      name: 'live-not-into-ingest',
      severity: 'error',
      comment: 'live/ keeps frames, bus, hub, stream and the frame mappers; it does not reach into ingest/.',
      from: { path: '^server/live/', pathNot: TEST },
      to: { path: '^server/ingest/', ...typesAllowed },
    },
    {
      name: 'server-not-into-app',
      severity: 'error',
      comment:
        'server/, db/ and lib/ do not depend on pages or components. The message catalogue (app/_i18n/messages/*.json) is data that the server reads too: server errors and work orders opened from alarms are worded from it.',
      from: { path: '^(server|db|lib)/' },
      to: { path: '^app/', pathNot: '^app/_i18n/messages/[^/]+[.]json$' },
    },
    {
      name: 'production-not-into-tests',
      severity: 'error',
      comment: 'Production code does not import test helpers, fixtures or the bench.',
      from: { pathNot: TEST },
      to: { path: TEST },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'An import that resolves to nothing.',
      from: {},
      to: { couldNotResolve: true },
    },
    {
      name: 'declared-dependencies-only',
      severity: 'error',
      comment: 'A package imported but not listed in package.json works only by accident of hoisting.',
      from: {},
      to: { dependencyTypes: ['npm-no-pkg', 'npm-unknown'] },
    },
  ],
  options: {
    doNotFollow: { path: ['node_modules'] },
    exclude: { path: ['^\\.next', '^\\.data/', '^db/migrations/', '^public/'] },
    // Keep `import type` edges so that type-only imports can be told apart.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
      extensions: ['.ts', '.tsx', '.d.ts', '.js', '.mjs', '.cjs', '.json'],
    },
    skipAnalysisNotInRules: true,
  },
};
