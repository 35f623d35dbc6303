// Temporary (not committed): screenshots of the overview's read-source note.
import pg from "pg";
import { launchBrowser } from "../tests/browser/browser";
import { signIn, startDatabase, startFaultline, startReplica, ADMIN } from "./reliability/harness";

async function main() {
  const db = await startDatabase();
  const replica = await startReplica(db);
  const app = await startFaultline(db.url, { DATABASE_READ_URL: replica.url, DATABASE_READ_MAX_LAG_SECONDS: "2", LOG_LEVEL: "warn" });
  const browser = await launchBrowser();
  const standby = new pg.Client({ connectionString: replica.url });
  try {
    const cookie = await signIn(app.baseUrl, ADMIN.email, ADMIN.password, "198.51.100.60");
    for (let i = 0; i < 40; i++) {
      const r = (await (await fetch(`${app.baseUrl}/api/ready`)).json()) as { replicas: { state: string }[] };
      if (r.replicas[0]?.state === "healthy") break;
      await new Promise((res) => setTimeout(res, 300));
    }
    const shoot = async (name: string) => {
      for (const [w, h] of [[1440, 1000], [390, 844]]) {
        for (const scheme of ["light", "dark"] as const) {
          const ctx = await browser.newContext({ viewport: { width: w, height: h }, colorScheme: scheme });
          await ctx.addCookies(cookie.split("; ").map((c) => ({ name: c.split("=")[0]!, value: c.slice(c.indexOf("=") + 1), url: app.baseUrl })));
          const page = await ctx.newPage();
          await page.goto(`${app.baseUrl}/`, { waitUntil: "networkidle", timeout: 120_000 });
          await page.emulateMedia({ colorScheme: scheme });
          await page.screenshot({ path: `/tmp/replica-${name}-${w}-${scheme}.png`, fullPage: false });
          console.log(name, w, scheme, await page.locator("[data-testid=read-source]").textContent());
          await ctx.close();
        }
      }
    };
    await shoot("replica");
    await standby.connect();
    await standby.query("SELECT pg_wal_replay_pause()");
    const p = new pg.Client({ connectionString: db.url });
    await p.connect();
    await p.query("UPDATE asset SET updated_at = now() WHERE id = (SELECT min(id) FROM asset)");
    await p.end();
    await new Promise((r) => setTimeout(r, 4000));
    await shoot("lagging");
    await standby.query("SELECT pg_wal_replay_resume()");
  } finally {
    await standby.end().catch(() => undefined);
    await browser.close();
    await app.stop();
    await replica.remove();
    await db.remove();
  }
}
main().catch((e) => { console.error(e); process.exit(1); });
