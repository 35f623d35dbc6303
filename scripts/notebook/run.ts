// Runs the pandas snippets of docs/api.md against the production build, as a notebook user would:
//   node --conditions=react-server --import tsx scripts/notebook/run.ts [--keep]
// Starts the production build on its own embedded PostgreSQL (seeded with the storyline and synthetic demo prices),
// issues a READ token for the admin, and runs scripts/notebook/check_snippets.py with /usr/bin/python3 (Debian's
// pandas and requests). `--keep` leaves the server up and prints its address and token instead.
import { spawn } from "node:child_process";
import path from "node:path";
import { issueApiToken } from "@/lib/auth/api-tokens";
import type { Principal } from "@/lib/auth/principal";
import { childEnvironment } from "@/lib/config/env";
import { db } from "@/lib/db/client";
import { ADMIN, startDatabase, startFaultline } from "../reliability/harness";

const PYTHON = "/usr/bin/python3";

async function main(): Promise<number> {
  const keep = process.argv.includes("--keep");
  const database = await startDatabase();
  let app: Awaited<ReturnType<typeof startFaultline>> | null = null;
  try {
    app = await startFaultline(database.url);
    const admin = await db().user.findUniqueOrThrow({ where: { email: ADMIN.email } });
    const issuer: Principal = { id: admin.id, name: admin.name, email: admin.email, role: "ADMIN", via: "session" };
    const { token } = await issueApiToken(issuer, { name: "notebook snippets", userId: admin.id, scope: "READ" });
    const env = childEnvironment({ FAULTLINE_URL: app.baseUrl, FAULTLINE_TOKEN: token });
    if (keep) {
      console.log(`FAULTLINE_URL=${app.baseUrl} FAULTLINE_TOKEN=${token}`);
      await new Promise<void>((resolve) => process.once("SIGINT", () => resolve()));
      return 0;
    }
    const script = path.join(import.meta.dirname, "check_snippets.py");
    return await new Promise<number>((resolve, reject) => {
      const child = spawn(PYTHON, [script, path.join(process.cwd(), "docs/api.md")], { env, stdio: "inherit" });
      child.once("error", reject);
      child.once("exit", (code: number | null) => resolve(code ?? 1));
    });
  } finally {
    await app?.stop();
    await database.remove();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
