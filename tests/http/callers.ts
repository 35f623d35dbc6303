// Who the battery sends each request as, and what each may do. Ranks: -1 nobody (only public endpoints), 0 viewer,
// 1 analyst, 2 admin. API tokens are for the JSON API and downloads only: to pages and server actions they are
// nobody. Suspended and deleted accounts are nobody everywhere, whatever cookie or token they still hold.
import type { Cast } from "./cast";
import type { Rank } from "./surface";

export interface Caller {
  name: string;
  headers: Record<string, string>;
  /** Rights over route handlers. */
  apiRank: Rank;
  /** Rights over server actions and pages. */
  actionRank: Rank;
  /** Signed in with a cookie that must keep working for the rest of the run. */
  liveSession: boolean;
  /** A suspended or deleted account: nothing it sends may change anything. */
  lockedOut: boolean;
}

export function callers(cast: Cast): Caller[] {
  const cookie = (c: string) => ({ cookie: c });
  const bearer = (t: string) => ({ authorization: `Bearer ${t}` });
  return [
    { name: "anonymous", headers: {}, apiRank: -1, actionRank: -1, liveSession: false, lockedOut: false },
    { name: "viewer", headers: cookie(cast.cookies.viewer), apiRank: 0, actionRank: 0, liveSession: true, lockedOut: false },
    { name: "analyst", headers: cookie(cast.cookies.analyst), apiRank: 1, actionRank: 1, liveSession: true, lockedOut: false },
    { name: "admin", headers: cookie(cast.cookies.admin), apiRank: 2, actionRank: 2, liveSession: true, lockedOut: false },
    { name: "suspended account", headers: cookie(cast.cookies.suspended), apiRank: -1, actionRank: -1, liveSession: false, lockedOut: true },
    { name: "deleted account", headers: cookie(cast.cookies.deleted), apiRank: -1, actionRank: -1, liveSession: false, lockedOut: true },
    { name: "read token", headers: bearer(cast.tokens.read), apiRank: 0, actionRank: -1, liveSession: false, lockedOut: false },
    { name: "read-write token", headers: bearer(cast.tokens.readWrite), apiRank: 1, actionRank: -1, liveSession: false, lockedOut: false },
    { name: "read-write token of a viewer", headers: bearer(cast.tokens.viewerReadWrite), apiRank: 0, actionRank: -1, liveSession: false, lockedOut: false },
    { name: "suspended account's token", headers: bearer(cast.tokens.suspended), apiRank: -1, actionRank: -1, liveSession: false, lockedOut: true },
    { name: "deleted account's token", headers: bearer(cast.tokens.deleted), apiRank: -1, actionRank: -1, liveSession: false, lockedOut: true },
  ];
}
