import Link from "next/link";
import { signOutAction } from "@/app/(auth)/actions";
import { InboxLink } from "@/components/inbox/inbox-link";
import { Button } from "@/components/ui/button";

export function AppHeader({ userName }: { userName: string }) {
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl items-center justify-between px-6 py-3">
        <nav aria-label="Main" className="flex items-center gap-6">
          <Link href="/workspaces" className="text-lg font-semibold text-indigo-700">
            Planwright
          </Link>
          <Link href="/workspaces" className="text-sm text-slate-700 hover:text-slate-900">
            Workspaces
          </Link>
          <InboxLink />
          <Link href="/settings" className="text-sm text-slate-700 hover:text-slate-900">
            Settings
          </Link>
        </nav>
        <div className="flex items-center gap-3 text-sm">
          <span className="text-slate-600" data-testid="current-user">
            {userName}
          </span>
          <form action={signOutAction}>
            <Button type="submit" variant="secondary">
              Sign out
            </Button>
          </form>
        </div>
      </div>
    </header>
  );
}
