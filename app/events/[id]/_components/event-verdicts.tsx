// The stored verdicts of an event: scored once when its window closed, with a new revision beside the old whenever a
// data correction changed the outcome. Nothing is shown before the first one.
import { Card, Text, Title } from "@tremor/react";
import { verdictsOf } from "@/lib/verdicts/score-due";

const SCORE_STYLE: Record<string, string> = {
  confirmed: "text-emerald-700 dark:text-emerald-300",
  contradicted: "text-red-700 dark:text-red-300",
  inconclusive: "text-tremor-content dark:text-dark-tremor-content",
};
const pct = (x: number | null) => (x === null ? "—" : `${(x * 100).toFixed(2)} %`);

export async function EventVerdicts({ eventId }: { eventId: number }) {
  const verdicts = await verdictsOf(eventId);
  if (verdicts.length === 0) return null;
  const [current, ...earlier] = verdicts;
  return (
    <Card id="verdicts" data-testid="event-verdicts">
      <Title>Verdict{earlier.length ? ` (revision ${current!.revision})` : ""}</Title>
      {[current!, ...earlier].map((v, i) => (
        <section key={v.revision} className={i === 0 ? "mt-2" : "mt-4 border-t border-tremor-border pt-3 opacity-80 dark:border-dark-tremor-border"} aria-label={`Revision ${v.revision}`}>
          <Text>
            {i === 0 ? "Scored" : `Revision ${v.revision}, superseded — scored`} {v.scoredAt.toISOString().slice(0, 16).replace("T", " ")} UTC on prices up to {v.dataVintage.lastBar ?? "—"}
            {v.params.model ? ` · ${v.params.model} model` : ""}
            {v.params.verdictWindow ? ` · window [${v.params.verdictWindow[0]}, +${v.params.verdictWindow[1]}]` : ""}
            {v.params.alpha ? ` · α = ${v.params.alpha}` : ""}
          </Text>
          <ul className="mt-1 space-y-0.5 text-sm">
            {v.results.map((r) => (
              <li key={r.assetId}>
                <span className="font-medium">{r.symbol}</span> expected {r.expected.toLowerCase()}:{" "}
                <span className={r.score ? SCORE_STYLE[r.score] : ""}>{r.score ?? `not scored (${r.status})`}</span>
                {r.car !== null && <> · CAR {pct(r.car)}{r.pValue !== null ? `, p = ${r.pValue.toFixed(3)}` : ""}</>}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </Card>
  );
}
