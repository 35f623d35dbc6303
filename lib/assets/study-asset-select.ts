// The asset columns every study reads (identity, where it trades, its benchmark): one select shared by the event,
// asset and theme studies and the theme timeline, so they all see an asset the same way.
export const STUDY_ASSET_SELECT = {
  id: true,
  symbol: true,
  name: true,
  source: true,
  exchange: true,
  timeZone: true,
  assetClass: true,
  benchmark: { select: { id: true, symbol: true, name: true } },
} as const;
