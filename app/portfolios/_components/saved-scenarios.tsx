// The portfolio's saved scenarios: each opens its stored result, re-runs on today's data from its URL, downloads as a
// bundle, or is deleted by the analyst who saved it (or an admin).
import { Card, Text } from "@tremor/react";
import Link from "next/link";
import type { Principal } from "@/lib/auth/principal";
import { savedScenariosFor } from "@/lib/scenarios/saved";
import { DeleteSavedScenario } from "./delete-saved-scenario";

const link = "text-tremor-brand hover:underline dark:text-dark-tremor-brand";

export async function SavedScenarios({ portfolioId, viewer }: { portfolioId: number; viewer: Principal }) {
  const saved = await savedScenariosFor(portfolioId, viewer);
  return (
    <Card data-testid="saved-scenarios">
      <h2 className="text-tremor-title font-semibold text-tremor-content-strong dark:text-dark-tremor-content-strong">Saved scenarios</h2>
      {saved.length === 0 ? (
        <Text className="mt-2">None yet: run a scenario below and save it to keep its result with the data it ran on.</Text>
      ) : (
        <ul className="mt-2 divide-y divide-tremor-border text-tremor-default dark:divide-dark-tremor-border">
          {saved.map((s) => (
            <li key={s.id} className="flex flex-wrap items-baseline gap-x-4 gap-y-1 py-2" data-saved-id={s.id}>
              <Link href={`/portfolios/${portfolioId}/scenarios/${s.id}`} className={`${link} font-medium`}>{s.name}</Link>
              <span className="text-tremor-content dark:text-dark-tremor-content">
                {s.kind === "analogues" ? "Analogues" : "Shocks"} · data as of {s.dataAsOf} · saved {s.createdAt.slice(0, 16).replace("T", " ")} UTC{s.createdBy ? ` by ${s.createdBy}` : ""}
              </span>
              <Link href={s.rerunHref} className={link}>Re-run on today&apos;s data</Link>
              <a href={`/api/v1/scenarios/${s.id}/bundle`} className={link} download>Download bundle (ZIP)</a>
              {s.canDelete && <DeleteSavedScenario id={s.id} name={s.name} />}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
