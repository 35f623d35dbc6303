// One computation per request for the event page's study widgets: each widget is its own Suspense boundary, and
// React's cache lets them share the result (keyed by primitives, since cache compares arguments by identity).
import "server-only";
import { cache } from "react";
import { ValidationError } from "@/lib/errors";
import { eventStudyForEvent, studyConfigFromQuery, type StudyQuery } from "@/lib/studies";

export const loadEventStudy = cache(async (eventId: number, queryKey: string) => {
  const query = JSON.parse(queryKey) as StudyQuery;
  const { config } = studyConfigFromQuery(query);
  try {
    return await eventStudyForEvent(eventId, config);
  } catch (err) {
    // An unknown benchmark in the link: the settings form says so, and the study runs on each asset's own benchmark.
    if (!(err instanceof ValidationError) || !config.benchmark) throw err;
    return eventStudyForEvent(eventId, { ...config, benchmark: null });
  }
});

/** Stable cache key for the study settings in a page's search params. */
export function studyQueryKey(query: StudyQuery): string {
  const pick = (k: string) => {
    const v = query[k];
    return Array.isArray(v) ? v[0] : v;
  };
  return JSON.stringify({ model: pick("model"), est: pick("est"), win: pick("win"), car: pick("car"), benchmark: pick("benchmark") });
}
