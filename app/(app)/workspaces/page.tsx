import Link from "next/link";
import { ActionForm, Field, SubmitButton } from "@/components/forms/action-form";
import { getPrincipal } from "@/lib/auth";
import { pageData } from "@/lib/page";
import { listMyWorkspaces } from "@/lib/services/workspaces";
import { createWorkspaceAction } from "./actions";

export const metadata = { title: "Workspaces · Planwright" };

export default async function WorkspacesPage() {
  const principal = await getPrincipal();
  const workspaces = await pageData(() => listMyWorkspaces(principal), "/workspaces");
  return (
    <main className="mx-auto max-w-6xl px-6 py-8">
      <h1 className="text-2xl font-semibold">Workspaces</h1>
      {workspaces.length === 0 ? (
        <p className="mt-4 rounded-lg border border-dashed border-slate-300 bg-white p-6 text-slate-600">
          You are not in any workspace yet. Create one below, or ask a colleague to invite you with the email you signed
          up with.
        </p>
      ) : (
        <ul className="mt-4 grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {workspaces.map((w) => (
            <li key={w.id}>
              <Link
                href={`/workspaces/${w.id}`}
                className="block rounded-lg border border-slate-200 bg-white p-4 shadow-sm hover:border-indigo-300"
              >
                <span className="font-medium">{w.name}</span>
                <span className="mt-1 block text-sm text-slate-600">
                  {w.planCount} {w.planCount === 1 ? "plan" : "plans"} · you are {w.role}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
      <section className="mt-10 max-w-md rounded-lg border border-slate-200 bg-white p-5">
        <h2 className="font-medium">New workspace</h2>
        <ActionForm action={createWorkspaceAction} className="mt-3 flex flex-col gap-3" aria-label="New workspace">
          <Field name="name" label="Workspace name" placeholder="e.g. Operations" maxLength={80} required />
          <div>
            <SubmitButton pendingText="Creating…">Create workspace</SubmitButton>
          </div>
        </ActionForm>
      </section>
    </main>
  );
}
