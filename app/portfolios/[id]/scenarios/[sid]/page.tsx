import { Card, Text } from "@tremor/react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { NotFoundError } from "@/lib/errors";
import { loadSavedScenario, type SavedScenario } from "@/lib/scenarios/saved";
import { idSchema } from "@/lib/validation/fields";
import { AnalogueResults, ShockResults } from "../../../_components/scenarios-section";

export const metadata: Metadata = { title: "Saved scenario" };

const link = "text-tremor-brand hover:underline dark:text-dark-tremor-brand";

/** A saved scenario's stored result, as computed on the day it was saved, with the way to re-run it today. */
export default async function SavedScenarioPage({ params }: { params: Promise<{ id: string; sid: string }> }) {
  await requireUser();
  const p = await params;
  const sid = idSchema("Scenario").safeParse(p.sid);
  let s: SavedScenario | null = null;
  if (sid.success) {
    try {
      s = await loadSavedScenario(sid.data);
    } catch (err) {
      if (!(err instanceof NotFoundError)) throw err;
    }
  }
  if (!s || String(s.portfolioId) !== p.id) notFound();
  return (
    <div className="space-y-6">
      <div>
        <Text><Link href={`/portfolios/${s.portfolioId}`} className={link}>{s.portfolioName}</Link> · saved scenario</Text>
        <h1 className="mt-1 text-2xl font-semibold text-tremor-content-strong dark:text-dark-tremor-content-strong" data-testid="saved-name">{s.name}</h1>
        <Text className="mt-1">
          {s.kind === "analogues" ? "Historical analogues" : "Shocks through the conditional covariance"} · data as of {s.dataAsOf} · saved {s.createdAt.slice(0, 16).replace("T", " ")} UTC
          {s.createdBy ? ` by ${s.createdBy}` : ""}
        </Text>
        <div className="mt-2 flex flex-wrap gap-4 text-sm">
          <Link href={s.rerunHref} className={link}>Re-run on today&apos;s data</Link>
          <a href={`/api/v1/scenarios/${s.id}/bundle`} className={link} download data-testid="saved-bundle">Download bundle (ZIP)</a>
          <a href={`/api/v1/scenarios/${s.id}`} className={link}>JSON</a>
        </div>
      </div>
      <Card>
        <h2 className="text-tremor-title font-semibold text-tremor-content-strong dark:text-dark-tremor-content-strong">Stored result</h2>
        {s.results.kind === "analogues" ? <AnalogueResults r={s.results} /> : <ShockResults r={s.results} />}
        <Text className="mt-4 text-xs">
          Data used: {s.vintage.map((v) => `${v.symbol} to ${v.lastClose ?? "—"}${v.refreshedAt ? ` (refreshed ${v.refreshedAt.slice(0, 10)})` : ""}`).join(", ")}.
        </Text>
      </Card>
    </div>
  );
}
