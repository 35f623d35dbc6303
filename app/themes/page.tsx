import { Card, Text, Title } from "@tremor/react";
import type { Metadata } from "next";
import Link from "next/link";
import { hasRole } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { listThemes } from "@/lib/themes/queries";
import { DeleteThemeButton, MergeThemesForm, ThemeForm } from "./theme-forms";

export const metadata: Metadata = { title: "Themes" };

export default async function ThemesPage() {
  const user = await requireUser();
  const themes = await listThemes();
  const canWrite = hasRole(user.role, "ANALYST");
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold text-tremor-content-strong dark:text-dark-tremor-content-strong">Themes</h1>
      {canWrite && (
        <Card>
          <Title>New theme</Title>
          <div className="mt-3"><ThemeForm /></div>
          {themes.length > 1 && (<><Title className="mt-6">Merge two themes</Title><div className="mt-3"><MergeThemesForm themes={themes} /></div></>)}
        </Card>
      )}
      <Card>
        <Title>{themes.length} themes</Title>
        <ul className="mt-4 space-y-4">
          {themes.map((t) => (
            <li key={t.id}>
              {canWrite ? <ThemeForm theme={t} /> : <Text><strong>{t.name}</strong> — {t.description}</Text>}
              <div className="flex items-baseline gap-3">
                <Text className="text-tremor-label">{t._count.events} events</Text>
                <Link href={`/themes/${t.id}`} className="text-tremor-default text-tremor-brand hover:underline dark:text-dark-tremor-brand">
                  Open {t.name}
                </Link>
                {canWrite && <DeleteThemeButton id={t.id} name={t.name} />}
              </div>
            </li>
          ))}
        </ul>
      </Card>
    </div>
  );
}
