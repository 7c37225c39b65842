import Link from "next/link";
import { AuthCard } from "@/components/auth/auth-card";
import { verifyEmail } from "@/lib/services/account";

export const metadata = { title: "Verify your email · Planwright" };

export default async function VerifyEmailPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token } = await searchParams;
  const verified = await verifyEmail(token);
  return (
    <AuthCard
      title={verified ? "Email verified" : "This link does not work"}
      footer={
        <Link className="font-medium text-indigo-700 underline" href="/workspaces">
          Go to your workspaces
        </Link>
      }
    >
      <p role={verified ? "status" : "alert"} className="text-sm text-slate-700">
        {verified
          ? "Thank you: your email address is confirmed."
          : "The link has expired or was already used. Sign in and use “Resend the link” on the banner for a new one."}
      </p>
    </AuthCard>
  );
}
