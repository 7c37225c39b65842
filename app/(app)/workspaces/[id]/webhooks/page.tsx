import { ActionForm, Field, SubmitButton } from "@/components/forms/action-form";
import { SecretReveal } from "@/components/forms/secret-reveal";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { WorkspaceHeader } from "@/components/workspace-header";
import { getPrincipal } from "@/lib/auth";
import { pageData } from "@/lib/page";
import { webhookEvents } from "@/lib/services/webhook-events";
import { getDeliveries, getWebhooks } from "@/lib/services/webhooks";
import { getWorkspace } from "@/lib/services/workspaces";
import { createWebhookAction, deleteWebhookAction, redeliverAction } from "./actions";

export const metadata = { title: "Webhooks · Planwright" };

const when = (d: Date | null) => (d ? d.toISOString().replace("T", " ").slice(0, 19) + " UTC" : "—");

export default async function WebhooksPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const principal = await getPrincipal();
  const [workspace, hooks] = await pageData(
    () => Promise.all([getWorkspace(principal, id), getWebhooks(principal, id)]),
    `/workspaces/${id}/webhooks`,
  );
  const logs = await Promise.all(hooks.map((h) => getDeliveries(principal, id, h.id)));

  return (
    <main className="mx-auto max-w-6xl px-6 py-8">
      <WorkspaceHeader id={id} name={workspace.name} current="webhooks" />
      <section aria-labelledby="add-webhook" className="mt-6 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="add-webhook" className="text-lg font-semibold">
          Add a webhook
        </h2>
        <p className="mt-1 text-sm text-slate-600">
          Deliveries are POSTed as JSON and signed: <code>Planwright-Signature: t=…,v1=…</code> is HMAC-SHA256 of{" "}
          <code>{"${t}.${body}"}</code> with the webhook&apos;s secret.
        </p>
        <ActionForm action={createWebhookAction} resetOnSuccess className="mt-3 space-y-3" aria-label="Add a webhook">
          <input type="hidden" name="workspaceId" value={id} />
          <Field name="url" label="URL" type="url" placeholder="https://example.com/planwright" required />
          <fieldset>
            <legend className="text-sm font-medium">Events</legend>
            {webhookEvents.map((e) => (
              <label key={e} className="mr-4 inline-flex items-center gap-1 text-sm">
                <input type="checkbox" name={`event:${e}`} defaultChecked /> {e}
              </label>
            ))}
          </fieldset>
          <SubmitButton>Add webhook</SubmitButton>
          <SecretReveal label="Signing secret" />
        </ActionForm>
      </section>
      {hooks.map((hook, i) => (
        <section
          key={hook.id}
          aria-label={`Webhook ${hook.url}`}
          className="mt-6 rounded-lg border border-slate-200 bg-white p-4"
        >
          <div className="flex items-start justify-between gap-4">
            <div>
              <h2 className="break-all font-mono text-sm font-semibold">{hook.url}</h2>
              <p className="text-sm text-slate-600">{hook.events.join(", ")}</p>
            </div>
            <ConfirmAction
              action={deleteWebhookAction}
              fields={{ workspaceId: id, webhookId: hook.id }}
              label="Delete"
              title="Delete this webhook?"
              body="Nothing more is sent to it and its delivery log is removed."
              confirmLabel="Delete webhook"
            />
          </div>
          <table className="mt-3 w-full text-left text-sm" aria-label="Deliveries">
            <thead className="text-slate-600">
              <tr>
                {["Event", "Queued", "State", "Attempts", "Response"].map((h) => (
                  <th key={h} scope="col" className="py-1 font-medium">
                    {h}
                  </th>
                ))}
                <th scope="col" className="py-1 font-medium">
                  <span className="sr-only">Redeliver</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {logs[i]!.map((d) => (
                <tr key={d.id} className="border-t border-slate-100">
                  <td className="py-1">{d.event}</td>
                  <td className="py-1">{when(d.createdAt)}</td>
                  <td className="py-1">{d.state}</td>
                  <td className="py-1">{d.attempts}</td>
                  <td className="py-1">{d.responseStatus ?? d.lastError ?? "—"}</td>
                  <td className="py-1">
                    <ActionForm action={redeliverAction} aria-label="Redeliver">
                      <input type="hidden" name="workspaceId" value={id} />
                      <input type="hidden" name="webhookId" value={hook.id} />
                      <input type="hidden" name="deliveryId" value={d.id} />
                      <SubmitButton variant="secondary">Redeliver</SubmitButton>
                    </ActionForm>
                  </td>
                </tr>
              ))}
              {logs[i]!.length === 0 && (
                <tr>
                  <td colSpan={6} className="py-2 text-slate-500">
                    Nothing sent yet.
                  </td>
                </tr>
              )}
            </tbody>
          </table>
        </section>
      ))}
    </main>
  );
}
