// Who is acting: a signed-in user or a script holding an API token. Every write takes one of these.
import type { Role } from "@/lib/auth/roles";

export interface Principal {
  id: string;
  name: string;
  email: string;
  /** Effective role: a READ token acts as a viewer whatever its owner's role. */
  role: Role;
  via: "session" | "token";
  /** For sessions: the better-auth session id (sign out everywhere keeps nothing). */
  sessionId?: string;
  tokenId?: number;
}
