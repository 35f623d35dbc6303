// The layering of lib/, checked by `npm run check:layers`. Folders sit on floors; a folder may import from lower
// floors and from folders listed before it on its own floor, never from later ones — so there is no arrow running
// back up and no cycle between folders. lib/http is the top floor, reached only by the routes (app/ and proxy.ts).
const FLOORS = [
  // Ground: no I/O of their own (config reads the environment once).
  ["errors", "analytics", "enums", "dates", "charts", "validation", "config", "logger"],
  // The database client, pools, transactions and database-error detection.
  ["db"],
  // Who is acting, what they did, and the one owner of stored prices.
  ["audit", "auth", "prices"],
  // Domains, each using only the ones before it. Notifications sit low: any domain may publish one.
  ["jobs", "notifications", "events", "market-data", "annotations", "assets", "themes", "dashboard", "studies", "verdicts", "reports", "portfolios", "scenarios", "seed", "triage"],
  // Process wiring: provider choice, bootstrap, the worker.
  ["runtime"],
  // HTTP: status table, error responses, the API handler, OpenAPI, request ids.
  ["http"],
];

const ORDER = FLOORS.flat();
const folder = (name) => `^lib/${name}(/|\\.tsx?$)`;

const upward = ORDER.slice(0, -1).map((name, i) => ({
  name: `no-upward-import-from-${name}`,
  comment: `lib/${name} may only import folders below it: ${ORDER.slice(0, i).join(", ") || "none"}.`,
  severity: "error",
  from: { path: folder(name) },
  to: { path: `^lib/(${ORDER.slice(i + 1).join("|")})(/|\\.tsx?$)` },
}));

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "app-not-db",
      comment: "Routes read and write through the domain modules, never through the database client.",
      severity: "error",
      from: { path: "^app/" },
      to: { path: "^lib/db/" },
    },
    {
      name: "analytics-pure",
      comment: "lib/analytics is pure maths: it imports nothing else from lib.",
      severity: "error",
      from: { path: "^lib/analytics/" },
      to: { path: "^lib/", pathNot: "^lib/analytics/" },
    },
    {
      name: "only-app-imports-http",
      comment: "lib/http is the top floor: only routes (app/, proxy.ts) and tests import it.",
      severity: "error",
      from: { pathNot: "^(app/|proxy\\.ts$|tests/|lib/http/)" },
      to: { path: "^lib/http/" },
    },
    {
      name: "unknown-lib-folder",
      comment: "Every lib folder has a floor in .dependency-cruiser.cjs: give a new one its place.",
      severity: "error",
      from: { path: "^lib/" },
      to: { path: "^lib/", pathNot: `^lib/(${ORDER.join("|")})(/|\\.tsx?$)` },
    },
    ...upward,
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "(^lib/db/generated/|^node_modules/|^\\.next/)" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { exportsFields: ["exports"], conditionNames: ["import", "require", "node", "default", "types"] },
  },
};
