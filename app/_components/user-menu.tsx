// The header's links for the signed-in user, by role, handed to the navigation. Display only — pages check roles.
import { hasRole, ROLE_LABEL } from "@/lib/auth/roles";
import { currentUser } from "@/lib/auth/session";
import { unreadCount } from "@/lib/notifications/inbox";
import type { ThemeChoice } from "@/lib/preferences/theme";
import { SiteNav, type NavLink } from "./site-nav";

export async function UserMenu({ theme }: { theme: ThemeChoice }) {
  const user = await currentUser();
  if (!user) return <SiteNav links={[]} account={null} theme={theme} />;
  const links: NavLink[] = [
    { href: "/", label: "Overview" },
    { href: "/events", label: "Events" },
    { href: "/assets", label: "Assets" },
    { href: "/themes", label: "Themes" },
    { href: "/portfolios", label: "Portfolios" },
    { href: "/triage", label: "Triage" },
    { href: "/reports", label: "Reports" },
  ];
  if (hasRole(user.role, "ANALYST")) links.push({ href: "/events/new", label: "New event" }, { href: "/events/import", label: "Import" });
  if (user.role === "ADMIN") {
    links.push({ href: "/admin/users", label: "Accounts" }, { href: "/admin/tokens", label: "API tokens" }, { href: "/admin/jobs", label: "Jobs" }, { href: "/admin/webhooks", label: "Webhooks" }, { href: "/admin/deleted", label: "Deleted" });
  }
  const unread = await unreadCount(user.id);
  return <SiteNav links={links} account={{ href: "/account", label: `${user.name} · ${ROLE_LABEL[user.role]}` }} theme={theme} unread={unread} />;
}
