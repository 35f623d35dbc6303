// Adjusted closes around given sessions of given assets: the sparklines of the triage queue, each centred on its move.
import "server-only";
import { readQuery } from "@/lib/db/read-routing";

export interface SparkPoint {
  date: string;
  close: number;
}

/**
 * For each (asset, session) pair, the adjusted closes of the `sessions` sessions before it, the session itself and the
 * `sessions` after it, keyed "assetId:session": two index range scans per pair, in one query.
 */
export async function closesAroundSessions(pairs: readonly { assetId: number; session: string }[], sessions: number): Promise<Map<string, SparkPoint[]>> {
  const out = new Map<string, SparkPoint[]>();
  if (pairs.length === 0) return out;
  const { rows } = await readQuery<{ asset_id: number; session: string; points: SparkPoint[] }>(
    `SELECT s.asset_id, to_char(s.session, 'YYYY-MM-DD') AS session,
            (SELECT json_agg(json_build_object('date', to_char(w.date, 'YYYY-MM-DD'), 'close', w.price) ORDER BY w.date) FROM (
               (SELECT p.date, COALESCE(p.adj_close, p.close) AS price FROM price_bar p WHERE p.asset_id = s.asset_id AND p.date <= s.session ORDER BY p.date DESC LIMIT $3::int + 1)
               UNION ALL
               (SELECT p.date, COALESCE(p.adj_close, p.close) FROM price_bar p WHERE p.asset_id = s.asset_id AND p.date > s.session ORDER BY p.date LIMIT $3::int)
             ) w) AS points
     FROM unnest($1::int[], $2::date[]) AS s(asset_id, session)`,
    [pairs.map((p) => p.assetId), pairs.map((p) => p.session), sessions],
  );
  for (const r of rows) out.set(`${r.asset_id}:${r.session}`, r.points ?? []);
  return out;
}
