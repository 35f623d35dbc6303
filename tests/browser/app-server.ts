// Starts Faultline exactly as a user would (`npm start`, here without npm) on a throwaway data folder and free
// ports, with synthetic demo prices so nothing reaches the network.
import { spawn, type ChildProcess } from "node:child_process";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { freePort } from "@/lib/db/embedded-postgres";

export const TEST_ADMIN = { email: "admin@example.test", password: "browser journey password 2024" } as const;

export interface AppServer {
  baseUrl: string;
  output: () => string;
  stop(): Promise<void>;
}

export async function startApp(extraEnv: Record<string, string> = {}): Promise<AppServer> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "faultline-e2e-"));
  await chmod(dataDir, 0o755);
  const port = await freePort();
  const pgPort = await freePort();
  let out = "";
  const child: ChildProcess = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/start.ts"], {
    env: {
      ...process.env,
      DATABASE_URL: "",
      PORT: String(port),
      HOSTNAME: "127.0.0.1",
      FAULTLINE_DATA_DIR: dataDir,
      FAULTLINE_PG_PORT: String(pgPort),
      MARKET_DATA: "demo",
      NEXT_TELEMETRY_DISABLED: "1",
      // Every page needs a signed-in user: the unattended-install variables create the admin at start.
      ADMIN_EMAIL: TEST_ADMIN.email,
      ADMIN_PASSWORD: TEST_ADMIN.password,
      ...extraEnv,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (out += d.toString()));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 280_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`npm start exited early:\n${out}`);
    if (Date.now() > deadline) throw new Error(`the app did not answer in time:\n${out}`);
    try {
      const res = await fetch(`${baseUrl}/login`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  return {
    baseUrl,
    output: () => out,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once("exit", r));
        child.kill("SIGTERM");
        await exited;
      }
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
