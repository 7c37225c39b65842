import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { VerifyEmailBanner } from "@/components/account/verify-email-banner";
import { AppHeader } from "@/components/app-header";
import { getPrincipal, getSessionUser } from "@/lib/auth";
import { getAccount } from "@/lib/services/account";
import { resendVerificationAction } from "./settings/actions";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const user = await getSessionUser();
  if (!user?.id) redirect("/signin");
  const account = await getAccount(await getPrincipal());
  return (
    <div className="min-h-screen bg-slate-50">
      <AppHeader userName={user.name ?? user.email ?? "You"} />
      {!account.emailVerified && <VerifyEmailBanner email={account.email} action={resendVerificationAction} />}
      {children}
    </div>
  );
}
