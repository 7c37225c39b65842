import { redirect } from "next/navigation";
import { getPrincipal } from "@/lib/auth";
import { planSections } from "@/lib/plan/template";
import { ButtonLink } from "@/components/ui/button";

export default async function Home() {
  if (await getPrincipal()) redirect("/workspaces");
  return (
    <main className="mx-auto flex min-h-screen max-w-3xl flex-col justify-center px-6 py-16">
      <p className="text-sm font-semibold uppercase tracking-wide text-indigo-700">Planwright</p>
      <h1 className="mt-2 text-4xl font-bold tracking-tight">Implementation plans your whole team writes together.</h1>
      <p className="mt-4 text-lg text-slate-600">
        Objectives, scope, schedule, risks, resources and responsibilities in one plan — co-edited live, with a Gantt
        timeline, a risk register and a RACI grid.
      </p>
      <div className="mt-8 flex gap-3">
        <ButtonLink href="/signup" variant="primary" size="xl">
          Create an account
        </ButtonLink>
        <ButtonLink href="/signin" variant="secondary" size="xl">
          Sign in
        </ButtonLink>
      </div>
      <ul className="mt-12 grid grid-cols-1 gap-3 text-sm text-slate-600 sm:grid-cols-3">
        {planSections.map((s) => (
          <li key={s.id} className="rounded-md border border-slate-200 p-3">
            <span className="font-medium text-slate-900">{s.title}</span>
          </li>
        ))}
      </ul>
    </main>
  );
}
