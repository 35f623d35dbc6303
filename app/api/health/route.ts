// Liveness: the process answers. Deliberately touches nothing else, so a database outage never restarts the app.
export const dynamic = "force-dynamic";

export function GET() {
  return Response.json({ status: "ok" }, { headers: { "cache-control": "no-store" } });
}
