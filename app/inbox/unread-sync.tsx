"use client";

import { useEffect } from "react";
import { UNREAD_EVENT } from "../_components/site-nav";

/** Tells the header's bell the inbox's unread count each time the inbox renders (after marking read, say). */
export function UnreadSync({ count }: { count: number }) {
  useEffect(() => {
    window.dispatchEvent(new CustomEvent(UNREAD_EVENT, { detail: count }));
  }, [count]);
  return null;
}
