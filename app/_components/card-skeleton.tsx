import { Card } from "@tremor/react";

/** Placeholder while a widget's data loads, shaped like the card it stands in for. */
export function CardSkeleton({ label, height = "h-64" }: { label: string; height?: string }) {
  return (
    <Card role="status" aria-busy="true" aria-label={`Loading ${label}`}>
      <div className="motion-safe:animate-pulse">
        <div className="h-5 w-56 rounded bg-tremor-background-subtle dark:bg-dark-tremor-background-subtle" />
        <div className={`mt-4 ${height} rounded bg-tremor-background-subtle dark:bg-dark-tremor-background-subtle`} />
      </div>
    </Card>
  );
}
