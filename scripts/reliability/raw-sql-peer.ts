// The peer Faultline is measured against: a minimal Node http handler running the same SQL through `pg` directly
// (session lookup included, since every Faultline request checks it) and answering JSON. No framework, no ORM, no
// rendering — the floor for these reads on this machine and database.
import http from "node:http";
import type { AddressInfo } from "node:net";
import pg from "pg";
import { EVENT_SUMMARY_SQL } from "@/lib/dashboard/overview";

const SESSION = `SELECT u.id, u.role FROM session s JOIN "user" u ON u.id = s.user_id WHERE s.token = $1 AND s.expires_at > now()`;

const EVENTS = `SELECT e.*, t.name AS theme_name FROM event e LEFT JOIN theme t ON t.id = e.theme_id
  WHERE e.deleted_at IS NULL ORDER BY e.occurred_at DESC, e.id DESC LIMIT 50`;
const EVENT_EXPOSURES = `SELECT x.*, a.symbol, u.name AS set_by FROM exposure x JOIN asset a ON a.id = x.asset_id
  LEFT JOIN "user" u ON u.id = x.set_by_id WHERE x.event_id = ANY($1::int[])`;
const EVENT_COUNT = `SELECT count(*)::int AS n FROM event WHERE deleted_at IS NULL`;

const ASSET = `SELECT id, symbol, currency, source FROM asset WHERE symbol = $1`;
const PRICES = `SELECT to_char(date, 'YYYY-MM-DD') AS date, open, high, low, close, adj_close, volume FROM price_bar
  WHERE asset_id = $1 AND date >= $2::date AND date <= $3::date ORDER BY date`;

const OVERVIEW_ASSETS = `SELECT a.*, (SELECT count(*) FROM exposure x WHERE x.asset_id = a.id)::int AS exposures FROM asset a ORDER BY symbol`;
// The overview's reading of the event log, as Faultline runs it: the latest 25 events, the counts, the weekly sums.
const OVERVIEW_EVENTS = EVENT_SUMMARY_SQL;
const OVERVIEW_CLOSES = `SELECT asset_id, to_char(date, 'YYYY-MM-DD') AS d, COALESCE(adj_close, close) AS p FROM price_bar
  WHERE asset_id = ANY($1::int[]) AND COALESCE(adj_close, close) > 0 AND COALESCE(adj_close, close) < 'Infinity'::float8
  AND date >= $2::date ORDER BY asset_id, date`;

function sessionToken(cookie: string | undefined): string | null {
  const m = /faultline\.session_token=([^;]+)/.exec(cookie ?? "");
  return m ? decodeURIComponent(m[1]!).split(".")[0]! : null;
}

export interface Peer {
  baseUrl: string;
  close(): Promise<void>;
}

export async function startRawSqlPeer(databaseUrl: string, poolSize = 10): Promise<Peer> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: poolSize });
  pool.on("error", () => undefined);
  const server = http.createServer(async (req, res) => {
    try {
      const user = await pool.query(SESSION, [sessionToken(req.headers.cookie)]);
      if (user.rowCount === 0) {
        res.writeHead(401).end();
        return;
      }
      const url = new URL(req.url ?? "/", "http://peer");
      let body: unknown;
      if (url.pathname === "/events") {
        const [events, count] = await Promise.all([pool.query(EVENTS), pool.query(EVENT_COUNT)]);
        const exposures = await pool.query(EVENT_EXPOSURES, [events.rows.map((e: { id: number }) => e.id)]);
        body = { data: events.rows, exposures: exposures.rows, total: count.rows[0].n };
      } else if (url.pathname === "/prices") {
        const asset = await pool.query(ASSET, [url.searchParams.get("symbol")]);
        const a = asset.rows[0] as { id: number; symbol: string; currency: string; source: string };
        const prices = await pool.query(PRICES, [a.id, url.searchParams.get("from"), url.searchParams.get("to")]);
        body = { symbol: a.symbol, currency: a.currency, source: a.source, data: prices.rows };
      } else if (url.pathname === "/overview") {
        const today = new Date().toISOString().slice(0, 10);
        const [assets, events] = await Promise.all([pool.query(OVERVIEW_ASSETS), pool.query(OVERVIEW_EVENTS, [today, 25])]);
        const from = new Date(Date.now() - 800 * 86_400_000).toISOString().slice(0, 10);
        const closes = await pool.query(OVERVIEW_CLOSES, [assets.rows.map((a: { id: number }) => a.id), from]);
        body = { assets: assets.rows, events: events.rows[0], closes: closes.rowCount };
      } else {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(body));
    } catch (err) {
      res.writeHead(500).end(String(err));
    }
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    async close() {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
      await pool.end();
    },
  };
}
