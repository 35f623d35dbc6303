"use client";

import { useRouter } from "next/navigation";
import { useMemo } from "react";
import { CartesianGrid, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis, ZAxis } from "recharts";

export interface TimelinePoint {
  id: number;
  severity: number;
  title: string;
  date: string;
  category: string;
}

const day = (t: number) => new Date(t).toISOString().slice(0, 10);

/** Events over time by severity; a click opens the event. */
export function TimelineChart({ points }: { points: TimelinePoint[] }) {
  const router = useRouter();
  // The x position (ms since epoch, UTC midnight of the event's date) is worked out here rather than sent with each point.
  const plotted = useMemo(() => points.map((p) => ({ ...p, t: Date.parse(`${p.date}T00:00:00Z`) })), [points]);
  return (
    <div className="h-48 w-full" data-testid="event-timeline">
      <ResponsiveContainer width="100%" height="100%">
        <ScatterChart margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" strokeOpacity={0.3} />
          <XAxis dataKey="t" type="number" domain={["dataMin - 864000000", "dataMax + 864000000"]} tickFormatter={day} tick={{ fontSize: 11 }} />
          <YAxis dataKey="severity" type="number" domain={[0, 5]} ticks={[1, 2, 3, 4, 5]} width={24} tick={{ fontSize: 11 }} />
          <ZAxis range={[60, 60]} />
          <Tooltip
            cursor={false}
            content={({ payload }) => {
              const p = payload?.[0]?.payload as TimelinePoint | undefined;
              return p ? (
                <div className="rounded border border-tremor-border bg-white p-2 text-xs shadow dark:bg-gray-900">
                  <div className="font-medium">{p.title}</div>
                  <div>{p.date} · {p.category} · severity {p.severity}</div>
                </div>
              ) : null;
            }}
          />
          <Scatter data={plotted} fill="#f97316" onClick={(p: unknown) => router.push(`/events/${(p as { payload?: TimelinePoint }).payload?.id ?? (p as TimelinePoint).id}`)} className="cursor-pointer" isAnimationActive={false} />
        </ScatterChart>
      </ResponsiveContainer>
    </div>
  );
}
