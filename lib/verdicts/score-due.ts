// Verdicts as they come due. Once an event's event window has closed on every exposed asset (enough sessions stored
// after day 0), its hypotheses are scored once with the default study settings and stored with those settings and
// the data vintage. Later runs (after a refresh or an import that corrected bars) store a new revision only when the
// verdict itself changed: a score, or the set of exposures scored. Each stored revision notifies the event's creator
// and its followers ("verdict.scored"), in the same transaction.
import "server-only";
import type { Prisma } from "@/lib/db/generated/client";
import { db } from "@/lib/db/client";
import { writeTransaction } from "@/lib/db/transaction";
import { priceVintage, type PriceVintage } from "@/lib/prices/vintage";
import { publishNotification, sendQueuedWebhooks } from "@/lib/notifications/publish";
import { eventStudyForEvent, type EventStudyReport } from "@/lib/studies";

/** Statuses that mean "the window has not closed yet": wait for more sessions. */
const NOT_YET = new Set(["event-after-data", "insufficient-event-data", "no-prices"]);

export interface VerdictResult {
  symbol: string;
  assetId: number;
  expected: string;
  /** confirmed / contradicted / inconclusive, or null when no study was possible (the reason in `status`). */
  score: string | null;
  status: string;
  car: number | null;
  pValue: number | null;
  day0: string | null;
}

export interface ScoredEvent {
  eventId: number;
  revision: number;
  changed: boolean;
}

function resultsOf(report: EventStudyReport): VerdictResult[] {
  return report.assets.map((a) => ({
    symbol: a.asset.symbol,
    assetId: a.asset.id,
    expected: a.direction,
    score: a.hypothesis?.score ?? null,
    status: a.status,
    car: a.hypothesis?.car ?? null,
    pValue: a.hypothesis?.p ?? null,
    day0: a.day0Session,
  }));
}

/** What makes two verdicts the same: each exposure's expected direction and score. CAR decimals do not count. */
function verdictSignature(results: readonly VerdictResult[]): string {
  return results.map((r) => `${r.assetId}:${r.expected}:${r.score ?? r.status}`).sort().join("|");
}

const SCORE_WORD: Record<string, string> = { confirmed: "confirmed", contradicted: "contradicted", inconclusive: "inconclusive" };

function sentence(results: readonly VerdictResult[]): string {
  return results
    .map((r) => `${r.symbol} ${r.expected.toLowerCase()}: ${r.score ? SCORE_WORD[r.score] : `not scored (${r.status})`}${r.car !== null ? `, CAR ${(r.car * 100).toFixed(2)} %` : ""}`)
    .join("; ");
}

/**
 * Scores event `eventId` if it is due and its verdict is new or changed. Returns null when it is not due yet, or
 * when the stored verdict still stands.
 */
export async function scoreEventIfDue(eventId: number): Promise<ScoredEvent | null> {
  const report = await eventStudyForEvent(eventId);
  if (!report || report.assets.length === 0) return null;
  if (report.assets.some((a) => NOT_YET.has(a.status))) return null;
  const results = resultsOf(report);
  const signature = verdictSignature(results);
  const priced = report.assets.map((a) => a.asset.id);
  const outcome = await writeTransaction(async (tx) => {
    // One scorer per event at a time, across instances: the second sees the first's revision.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('faultline:verdict'), ${eventId})`;
    const last = await tx.eventVerdict.findFirst({ where: { eventId }, orderBy: { revision: "desc" } });
    if (last && verdictSignature(last.results as unknown as VerdictResult[]) === signature) return null;
    const revision = (last?.revision ?? 0) + 1;
    const benchmarkIds = (await tx.asset.findMany({ where: { id: { in: priced } }, select: { benchmarkId: true } })).flatMap((a) => (a.benchmarkId ? [a.benchmarkId] : []));
    await tx.eventVerdict.create({
      data: {
        eventId,
        revision,
        params: JSON.parse(JSON.stringify(report.settings)) as Prisma.InputJsonValue,
        dataVintage: await priceVintage(tx, [...new Set([...priced, ...benchmarkIds])]),
        results: JSON.parse(JSON.stringify(results)) as Prisma.InputJsonValue,
      },
    });
    const event = await tx.event.findUniqueOrThrow({ where: { id: eventId }, select: { title: true, createdById: true, themeId: true } });
    const published = await publishNotification(
      {
        type: "verdict.scored",
        key: `verdict.scored:${eventId}:${revision}`,
        title: revision === 1 ? `Verdict scored: ${event.title}` : `Verdict revised (revision ${revision}): ${event.title}`,
        text: sentence(results),
        url: `/events/${eventId}#verdicts`,
        // The event's creator and followers, not every follower of its assets: a verdict belongs to the event.
        eventId,
        userIds: event.createdById ? [event.createdById] : [],
        payload: { eventId, revision, changed: revision > 1, results },
      },
      tx,
    );
    return { scored: { eventId, revision, changed: revision > 1 }, deliveries: published.deliveries };
  });
  if (!outcome) return null;
  if (outcome.deliveries) await sendQueuedWebhooks();
  return outcome.scored;
}

/**
 * After new or corrected bars for `assetIds`: events exposing them that have no verdict yet, and — when stored bars
 * were corrected — those that have one, are (re)scored. Events whose window is still open cost one study each.
 */
export async function scoreDueVerdicts(input: { assetIds: readonly number[]; corrected: boolean }): Promise<ScoredEvent[]> {
  if (!input.assetIds.length) return [];
  const events = await db().event.findMany({
    where: {
      deletedAt: null,
      exposures: { some: { assetId: { in: [...input.assetIds] } } },
      ...(input.corrected ? {} : { verdicts: { none: {} } }),
    },
    select: { id: true },
    orderBy: { occurredAt: "asc" },
  });
  const scored: ScoredEvent[] = [];
  for (const { id } of events) {
    const s = await scoreEventIfDue(id);
    if (s) scored.push(s);
  }
  return scored;
}

/** The stored revisions of an event's verdict, newest first, for the event page. */
export async function verdictsOf(eventId: number) {
  const rows = await db().eventVerdict.findMany({ where: { eventId }, orderBy: { revision: "desc" } });
  return rows.map((r) => ({
    revision: r.revision,
    scoredAt: r.scoredAt,
    params: r.params as { model?: string; verdictWindow?: [number, number]; alpha?: number },
    dataVintage: r.dataVintage as PriceVintage,
    results: r.results as unknown as VerdictResult[],
  }));
}
