import { Text } from "@tremor/react";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { requireUser } from "@/lib/auth/session";
import { SubscribeButton } from "../../_components/subscribe-button";
import { findThemeWithEvents } from "@/lib/themes/theme-timeline";
import { CardSkeleton } from "../../_components/card-skeleton";
import { ReportDownloads, themeReportLinks } from "../../_components/report-downloads";
import { ThemeCaarPanel } from "./_components/theme-caar-panel";
import { ThemeTimeline } from "./_components/theme-timeline";

interface Props {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

function parseId(raw: string): number | null {
  return /^[1-9]\d{0,9}$/.test(raw) && Number(raw) <= 2_147_483_647 ? Number(raw) : null;
}

async function load(raw: string) {
  const id = parseId(raw);
  return id === null ? null : findThemeWithEvents(id);
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const theme = await load((await params).id);
  return { title: theme?.name ?? "Theme not found" };
}

export default async function ThemePage({ params, searchParams }: Props) {
  await requireUser();
  const theme = await load((await params).id);
  if (!theme) notFound();
  return (
    <div className="space-y-6">
      <div>
        <Text>Theme</Text>
        <div className="mt-1 flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-semibold text-tremor-content-strong dark:text-dark-tremor-content-strong">{theme.name}</h1>
          <SubscribeButton target="theme" id={theme.id} path={`/themes/${theme.id}`} label={theme.name} />
        </div>
        {theme.description && <Text className="mt-2 max-w-4xl">{theme.description}</Text>}
      </div>
      <ThemeTimeline
        events={theme.events.map((e) => ({ ...e, symbols: e.exposures.map((x) => x.asset.symbol) }))}
      />
      <Suspense fallback={<CardSkeleton label="CAAR per asset" height="h-72" />}>
        <ThemeCaarPanel themeId={theme.id} benchmark={[(await searchParams).benchmark].flat()[0]} />
      </Suspense>
      <ReportDownloads links={themeReportLinks(theme.id)} />
    </div>
  );
}
