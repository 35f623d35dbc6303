// When each market's daily close is struck, so an event study can tell whether news arrived before or after the session
// it would otherwise be dated to. Times are the close of the session whose price the daily bar records, in the zone the
// exchange keeps its clock in (see docs/methodology.md, "Session close times").

export interface SessionClose {
  /** Local close, HH:MM, as `firstReactingSession` expects. */
  close: string;
  /** IANA zone the close is stated in. */
  timeZone: string;
  /** Where the figure came from, for captions: the exchange table, the time-zone fallback or the generic default. */
  basis: string;
}

interface Venue {
  close: string;
  timeZone: string;
  label: string;
}

const KRX: Venue = { close: "15:30", timeZone: "Asia/Seoul", label: "KRX regular session" };
const US_EQUITY: Venue = { close: "16:00", timeZone: "America/New_York", label: "NYSE/Nasdaq regular session" };
// Yahoo's daily bar for CME Globex futures (metals, energy, equity futures) runs to the 17:00 New York daily break,
// not to the earlier floor settlement (13:30 gold, 14:30 crude), so news until 17:00 is still in that day's bar.
const CME_GLOBEX: Venue = { close: "17:00", timeZone: "America/New_York", label: "CME Globex daily break" };
// CBOT grains stop trading at 13:20 Chicago (the Globex day session ends with the pit-era close).
const CBOT_GRAINS: Venue = { close: "13:20", timeZone: "America/Chicago", label: "CBOT grains close" };
// FX trades around the clock; Yahoo dates FX bars by the London calendar day, so only the day boundary matters.
const FX: Venue = { close: "23:59", timeZone: "Europe/London", label: "FX London day" };

/** Keyed by the exchange codes Yahoo uses (short and display forms), upper-cased. */
const BY_EXCHANGE: Record<string, Venue> = {
  KSC: KRX,
  KOE: KRX,
  KRX: KRX,
  KSE: KRX,
  KOSDAQ: KRX,
  NYQ: US_EQUITY,
  NYSE: US_EQUITY,
  NMS: US_EQUITY,
  NGM: US_EQUITY,
  NCM: US_EQUITY,
  NASDAQ: US_EQUITY,
  NASDAQGS: US_EQUITY,
  PCX: US_EQUITY,
  ARCA: US_EQUITY,
  NYSEARCA: US_EQUITY,
  ASE: US_EQUITY,
  BATS: US_EQUITY,
  SNP: US_EQUITY,
  DJI: US_EQUITY,
  CME: CME_GLOBEX,
  CMX: CME_GLOBEX,
  COMEX: CME_GLOBEX,
  NYM: CME_GLOBEX,
  NYMEX: CME_GLOBEX,
  CBT: CBOT_GRAINS,
  CBOT: CBOT_GRAINS,
  CCY: FX,
  FX: FX,
};

/** Main cash-equity close per zone, for exchanges the table does not name. */
const BY_TIME_ZONE: Record<string, string> = {
  "Asia/Seoul": "15:30",
  "America/New_York": "16:00",
  "America/Chicago": "15:00",
  "Europe/London": "16:30",
  "Europe/Berlin": "17:30",
  "Europe/Paris": "17:30",
  "Europe/Moscow": "18:50",
  "Asia/Tokyo": "15:30",
  "Asia/Hong_Kong": "16:00",
  "Asia/Shanghai": "15:00",
};

const DEFAULT_CLOSE = "16:00";

function normalise(exchange: string): string {
  return exchange.toUpperCase().replace(/[^A-Z]/g, "");
}

/**
 * The session close for an asset. The asset's own zone wins when it differs from the venue's, because the asset's
 * bars are dated in that zone and day 0 has to be found among them; only the close time is then taken from the table.
 */
export function sessionCloseFor(asset: { exchange: string; timeZone: string; assetClass?: string }): SessionClose {
  const venue = BY_EXCHANGE[normalise(asset.exchange)] ?? (asset.assetClass === "FX" ? FX : undefined);
  if (venue) {
    if (venue.timeZone === asset.timeZone) return { close: venue.close, timeZone: venue.timeZone, basis: venue.label };
    return { close: venue.close, timeZone: asset.timeZone, basis: `${venue.label} (${venue.timeZone} time applied in ${asset.timeZone})` };
  }
  const zoneClose = BY_TIME_ZONE[asset.timeZone];
  if (zoneClose) return { close: zoneClose, timeZone: asset.timeZone, basis: `main ${asset.timeZone} equity close` };
  return { close: DEFAULT_CLOSE, timeZone: asset.timeZone, basis: "default 16:00 local close" };
}
