"use client";
// When the event happened: an explicit precision (exact time or day only), a date-time read in the analyst's time
// zone (the browser's unless changed), and the UTC instant it will be stored as, shown before saving.
import { useEffect, useMemo, useSyncExternalStore } from "react";
import { isTimeZone, parseWallDateTime, wallTimeToInstant } from "@/lib/dates";
import { FieldError, inputClass } from "../../_components/forms/form-feedback";
import type { ActionResult } from "@/lib/http/errors";
import type { TimePrecision } from "@/lib/enums";

export interface WhenValues {
  precision: TimePrecision;
  /** YYYY-MM-DD for DAY, YYYY-MM-DDTHH:MM (wall time in `timeZone`) for EXACT. */
  occurredAt: string;
  timeZone: string;
}

/** The stored UTC instant as the wall time in `zone`, for the edit form. */
export function wallTimeIn(isoInstant: string, zone: string): string {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone: zone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit",
  }).formatToParts(new Date(isoInstant));
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")}T${get("hour")}:${get("minute")}`;
}

function utcPreview(v: WhenValues): string | null {
  if (!v.occurredAt) return null;
  const wall = parseWallDateTime(v.occurredAt);
  if ("error" in wall) return null;
  if (v.precision === "DAY") return wall.time ? null : `${wall.date} (a calendar day, no time)`;
  if (!wall.time || !isTimeZone(v.timeZone)) return null;
  return `${wallTimeToInstant(wall, v.timeZone).toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

let zoneCache: string[] | null = null;
function browserZones(): string[] {
  if (!zoneCache) {
    const supported = (Intl as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf?.("timeZone") ?? [];
    zoneCache = supported.includes("UTC") ? supported : ["UTC", ...supported];
  }
  return zoneCache;
}
const SERVER_ZONES = ["UTC"];
const noSubscription = () => () => {};

export function EventWhen({ value, onChange, state, storedInstant }: {
  value: WhenValues;
  onChange: (v: WhenValues) => void;
  state: ActionResult<unknown> | null;
  /** Edit form: the stored instant, re-read as wall time once the browser's zone is known. */
  storedInstant?: string;
}) {
  // The zone list and the browser's zone exist only in the browser: read after hydration so server and client render alike.
  const zoneList = useSyncExternalStore(noSubscription, browserZones, () => SERVER_ZONES);
  useEffect(() => {
    const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (value.timeZone === "UTC" && browserZone && browserZone !== "UTC") {
      onChange({ ...value, timeZone: browserZone, occurredAt: storedInstant && value.precision === "EXACT" ? wallTimeIn(storedInstant, browserZone) : value.occurredAt });
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, on mount
  }, []);
  const preview = useMemo(() => utcPreview(value), [value]);
  const setPrecision = (precision: WhenValues["precision"]) =>
    onChange({ ...value, precision, occurredAt: precision === "DAY" ? value.occurredAt.slice(0, 10) : value.occurredAt.length === 10 ? `${value.occurredAt}T12:00` : value.occurredAt });
  return (
    <fieldset className="space-y-2 text-sm md:col-span-2" data-testid="event-when">
      <legend className="font-medium">When</legend>
      <input type="hidden" name="timePrecision" value={value.precision} />
      <div className="flex flex-wrap gap-4" role="radiogroup" aria-label="Precision">
        <label className="flex items-center gap-1"><input type="radio" name="precisionChoice" checked={value.precision === "EXACT"} onChange={() => setPrecision("EXACT")} /> Exact time</label>
        <label className="flex items-center gap-1"><input type="radio" name="precisionChoice" checked={value.precision === "DAY"} onChange={() => setPrecision("DAY")} /> Day only (time unknown)</label>
      </div>
      <div className="grid gap-2 md:grid-cols-2">
        {value.precision === "DAY" ? (
          <label className="block">Date
            <input type="date" name="occurredAt" required value={value.occurredAt} onChange={(e) => onChange({ ...value, occurredAt: e.target.value })} className={inputClass} />
          </label>
        ) : (
          <>
            <label className="block">Date and time (in the zone on the right)
              <input type="datetime-local" name="occurredAt" required value={value.occurredAt} onChange={(e) => onChange({ ...value, occurredAt: e.target.value })} className={inputClass} />
            </label>
            <label className="block">Time zone
              <select name="timeZone" value={value.timeZone} onChange={(e) => onChange({ ...value, timeZone: e.target.value })} className={inputClass}>
                {(zoneList.includes(value.timeZone) ? zoneList : [value.timeZone, ...zoneList]).map((z) => <option key={z} value={z}>{z}</option>)}
              </select>
            </label>
          </>
        )}
      </div>
      <p className="text-tremor-content dark:text-dark-tremor-content" data-testid="utc-preview" aria-live="polite">
        {preview ? <>Stored as <strong>{preview}</strong></> : "Enter a date to see the instant it is stored as."}
      </p>
      <FieldError state={state} name="occurredAt" />
      <FieldError state={state} name="timePrecision" />
      <FieldError state={state} name="timeZone" />
    </fieldset>
  );
}
