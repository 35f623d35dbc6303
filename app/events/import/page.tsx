import { Card, Text } from "@tremor/react";
import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/session";
import { ImportForm } from "./import-form";

export const metadata: Metadata = { title: "Import events" };

export default async function ImportPage() {
  await requireUser("ANALYST");
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold text-tremor-content-strong dark:text-dark-tremor-content-strong">Import events</h1>
      <Card>
        <Text>
          CSV with a header <code>date,title,category,countries,source_url</code> (optional <code>severity</code>, <code>summary</code>, <code>tags</code>);
          several values in one cell are separated by <code>;</code>, the first category is the event&apos;s and the others become tags. Or a JSON array of
          events. Every row is checked first: if one fails, nothing is imported. Events with the same date and title as an existing one are skipped.
        </Text>
        <div className="mt-4"><ImportForm /></div>
      </Card>
    </div>
  );
}
