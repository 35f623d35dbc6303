// Readiness: database reachable, this build's migrations applied, job queue installed. 503 while any is not.
// Read replicas are listed with their state and lag; a down one leaves the instance ready.
import { readiness } from "@/lib/runtime/readiness";

export const dynamic = "force-dynamic";

export async function GET() {
  const r = await readiness();
  return Response.json({ status: r.ready ? "ready" : "not ready", checks: r.checks, replicas: r.replicas }, { status: r.ready ? 200 : 503, headers: { "cache-control": "no-store" } });
}
