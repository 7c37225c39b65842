import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { AppHeader } from "@/components/app-header";
import { getSessionUser } from "@/lib/auth";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const user = await getSessionUser();
  if (!user?.id) redirect("/signin");
  return (
    <div className="min-h-screen bg-slate-50">
      <AppHeader userName={user.name ?? user.email ?? "You"} />
      {children}
    </div>
  );
}
