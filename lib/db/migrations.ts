// Applies prisma/migrations without Prisma's native schema engine, which the CLI downloads at run time and which
// air-gapped installs cannot fetch. The same engine, compiled to WebAssembly and shipped on npm, is driven through
// the pg driver adapter; it records applied migrations in `_prisma_migrations` exactly as `prisma migrate deploy`
// does, so operators can switch between the two on the same database.
import "server-only";
import { readFile, readdir } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type {
  DiffTarget,
  MigrationDirectory,
  MigrationList,
  SchemaEngine as SchemaEngineType,
} from "@prisma/schema-engine-wasm";

const require = createRequire(import.meta.url);
const EMPTY_FILTER = { externalTables: [], externalEnums: [] };

export const MIGRATIONS_DIR = path.resolve(process.cwd(), "prisma", "migrations");
export const SCHEMA_PATH = path.resolve(process.cwd(), "prisma", "schema.prisma");

type EngineModule = typeof import("@prisma/schema-engine-wasm");
let enginePromise: Promise<EngineModule> | undefined;

/** Instantiates the wasm engine once per process (Node cannot `import` a .wasm module without a flag). */
function loadEngineModule(): Promise<EngineModule> {
  enginePromise ??= (async () => {
    const pkgDir = path.dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg"));
    const bindings = (await import(
      /* webpackIgnore: true */ pathToFileURL(path.join(pkgDir, "schema_engine_bg.js")).href
    )) as EngineModule & {
      __wbg_set_wasm(exports: WebAssembly.Exports): void;
    };
    const bytes = await readFile(path.join(pkgDir, "schema_engine_bg.wasm"));
    const { instance } = await WebAssembly.instantiate(bytes, {
      "./schema_engine_bg.js": bindings as unknown as WebAssembly.ModuleImports,
    });
    bindings.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return bindings;
  })();
  return enginePromise;
}

/**
 * The pg adapter runs a migration script by splitting it on every ";", which cuts a function body (a trigger) apart.
 * PostgreSQL runs a multi-statement script sent in one piece, which is what the native engine of `prisma migrate
 * deploy` does: scripts with a dollar-quoted body go in one piece, every other script as before.
 */
function wholeScripts(factory: PrismaPg): PrismaPg {
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    const split = adapter.executeScript.bind(adapter);
    adapter.executeScript = async (script: string) => {
      if (!script.includes("$$")) return split(script);
      await (adapter.underlyingDriver() as pg.Pool | pg.PoolClient).query(script);
    };
    return adapter;
  };
  return factory;
}

async function withEngine<T>(
  connectionString: string,
  datamodel: string | undefined,
  run: (engine: SchemaEngineType) => Promise<T>,
): Promise<T> {
  const mod = await loadEngineModule();
  // Our own pool, so the engine's connections are closed when we are done (the engine never closes them).
  const pool = new pg.Pool({ connectionString, max: 2 });
  const adapter = bindMigrationAwareSqlAdapterFactory(wholeScripts(new PrismaPg(pool)));
  const logs: string[] = [];
  const engine = await mod.SchemaEngine.new(
    { datamodels: datamodel === undefined ? undefined : [["schema.prisma", datamodel]] },
    (log: string) => logs.push(log),
    adapter,
  );
  try {
    return await run(engine);
  } finally {
    engine.free();
    await pool.end();
  }
}

export async function readMigrationList(dir = MIGRATIONS_DIR): Promise<MigrationList> {
  const names = (await readdir(dir, { withFileTypes: true }))
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
  const migrationDirectories: MigrationDirectory[] = await Promise.all(
    names.map(async (name) => {
      const file = path.join(dir, name, "migration.sql");
      const content = await readFile(file, "utf8").then(
        (sql) => ({ tag: "ok" as const, value: sql }),
        (err: unknown) => ({ tag: "error" as const, value: String(err) }),
      );
      return { path: name, migrationFile: { path: "migration.sql", content } };
    }),
  );
  const lockPath = path.join(dir, "migration_lock.toml");
  const lockContent = await readFile(lockPath, "utf8").catch(() => null);
  return {
    baseDir: dir,
    lockfile: { path: "migration_lock.toml", content: lockContent },
    shadowDbInitScript: "",
    migrationDirectories,
  };
}

/** Applies every pending migration; returns the names applied (empty when the database is up to date). */
export async function applyMigrations(connectionString: string, dir = MIGRATIONS_DIR): Promise<string[]> {
  const migrationsList = await readMigrationList(dir);
  return withEngine(connectionString, undefined, async (engine) => {
    const out = await engine.applyMigrations({ migrationsList, filters: EMPTY_FILTER });
    return out.appliedMigrationNames;
  });
}

/** Names of migrations in the folder that the database has not applied yet. */
export async function pendingMigrations(connectionString: string, dir = MIGRATIONS_DIR): Promise<string[]> {
  const migrationsList = await readMigrationList(dir);
  return withEngine(connectionString, undefined, async (engine) => {
    const out = await engine.diagnoseMigrationHistory({ migrationsList, optInToShadowDatabase: false, filters: EMPTY_FILTER });
    const h = out.history;
    if (!h) return [];
    return "unappliedMigrationNames" in h ? h.unappliedMigrationNames : [];
  });
}

/**
 * SQL that turns the datamodel `from` into `to` (pass "" for an empty database). Used to write new migrations by
 * diffing the schema snapshot of the last migration against the current schema — no shadow database needed.
 */
export async function diffDatamodels(from: string, to: string, connectionString: string): Promise<string> {
  return withEngine(connectionString, to, async (engine) => {
    const source = (model: string): DiffTarget =>
      model.trim() === "" ? { tag: "empty" } : { tag: "schemaDatamodel", files: [{ path: "schema.prisma", content: model }] };
    const out = await engine.diff({ from: source(from), to: source(to), script: true, exitCode: null, filters: EMPTY_FILTER });
    return out.stdout ?? "";
  });
}
