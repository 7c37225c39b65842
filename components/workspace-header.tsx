import Link from "next/link";

type Tab = "plans" | "members" | "views" | "workload" | "webhooks";

export function WorkspaceHeader({ id, name, current }: { id: string; name: string; current: Tab }) {
  const tab = (key: Tab, href: string, label: string) => (
    <Link
      href={href}
      aria-current={current === key ? "page" : undefined}
      className={`border-b-2 px-1 pb-2 text-sm font-medium ${
        current === key ? "border-indigo-600 text-indigo-700" : "border-transparent text-slate-600 hover:text-slate-900"
      }`}
    >
      {label}
    </Link>
  );
  return (
    <div className="border-b border-slate-200">
      <p className="text-sm text-slate-500">
        <Link href="/workspaces" className="hover:underline">
          Workspaces
        </Link>{" "}
        /
      </p>
      <h1 className="mt-1 text-2xl font-semibold">{name}</h1>
      <nav aria-label="Workspace" className="mt-4 flex gap-6">
        {tab("plans", `/workspaces/${id}`, "Plans")}
        {tab("views", `/workspaces/${id}/views`, "This week")}
        {tab("workload", `/workspaces/${id}/workload`, "Workload")}
        {tab("members", `/workspaces/${id}/members`, "Members")}
        {tab("webhooks", `/workspaces/${id}/webhooks`, "Webhooks")}
      </nav>
    </div>
  );
}
