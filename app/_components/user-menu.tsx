// The right side of the header: links by role, the account and sign out. Display only — pages check roles.
import Link from "next/link";
import { signOutAction } from "../account/actions";
import { hasRole, ROLE_LABEL } from "@/lib/auth/roles";
import { currentUser } from "@/lib/auth/session";

const link = "text-tremor-default hover:text-tremor-brand";

export async function UserMenu() {
  const user = await currentUser();
  if (!user) return null;
  return (
    <div className="ml-auto flex flex-wrap items-center gap-x-4 gap-y-1">
      <Link href="/themes" className={link}>Themes</Link>
      {hasRole(user.role, "ANALYST") && <Link href="/events/new" className={link}>New event</Link>}
      {hasRole(user.role, "ANALYST") && <Link href="/events/import" className={link}>Import</Link>}
      {user.role === "ADMIN" && <Link href="/admin/users" className={link}>Accounts</Link>}
      {user.role === "ADMIN" && <Link href="/admin/tokens" className={link}>API tokens</Link>}
      {user.role === "ADMIN" && <Link href="/admin/deleted" className={link}>Deleted</Link>}
      <Link href="/account" className={link} data-testid="signed-in-as">{user.name} · {ROLE_LABEL[user.role]}</Link>
      <form action={signOutAction}>
        <button type="submit" className={link}>Sign out</button>
      </form>
    </div>
  );
}
