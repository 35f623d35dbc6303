// The overview's pointer to the triage queue: how many moves wait for an explanation, and the largest of them.
import { Card, Metric, Text } from "@tremor/react";
import Link from "next/link";
import { triageCardData } from "@/lib/triage/queries";

export async function TriageCard() {
  const data = await triageCardData();
  if (!data) {
    return (
      <Card decoration="top" decorationColor="gray" data-testid="triage-card">
        <Text>Unexplained moves</Text>
        <Text className="mt-1 text-tremor-label">The database can&apos;t be reached; the queue shows again once it is back.</Text>
      </Card>
    );
  }
  const { counts, items } = data;
  const open = counts.explain + counts.checkData;
  return (
    <Card decoration="top" decorationColor={open ? "blue" : "emerald"} data-testid="triage-card">
      <Text>Unexplained moves</Text>
      <Metric>{open}</Metric>
      <Text className="mt-1 text-tremor-label">
        {open === 0 ? "No open move: every large abnormal return has an event or a decision." : `${counts.explain} to explain, ${counts.checkData} to check the data.`}
      </Text>
      {items.length > 0 && (
        <ul className="mt-2 space-y-1 text-tremor-label">
          {items.map((i) => (
            <li key={i.id}>
              <span className="font-medium text-tremor-content-strong dark:text-dark-tremor-content-strong">{i.session}</span>: {i.moves.slice(0, 2).map((m) => `${m.symbol} z ${m.z.toFixed(1)}`).join(", ")}
              {i.moves.length > 2 ? ` and ${i.moves.length - 2} more` : ""}
            </li>
          ))}
        </ul>
      )}
      <Link href="/triage" className="mt-2 inline-block py-1 text-tremor-default text-tremor-brand hover:underline dark:text-dark-tremor-brand">Open the triage queue</Link>
    </Card>
  );
}
