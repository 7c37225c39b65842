import { ActionForm, Field, SubmitButton } from "@/components/forms/action-form";
import { LinkReveal } from "@/components/forms/link-reveal";
import { PlanSubpage } from "@/components/plan/plan-subpage";
import { FeedbackList } from "@/components/share/feedback-list";
import { LinkOptionBoxes, LinkOptionsForm } from "@/components/share/link-options";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { TimeAgo } from "@/components/ui/time-ago";
import { canOnPlan } from "@/lib/access/policy";
import { getPrincipal } from "@/lib/auth";
import { pageData } from "@/lib/page";
import { getPlan } from "@/lib/services/plans";
import { getFeedback } from "@/lib/services/feedback";
import { getPlanAccess, getShareLinks } from "@/lib/services/sharing";
import { SHARE_LABEL_MAX } from "@/lib/validation/sharing";
import {
  answerFeedbackAction,
  createShareLinkAction,
  resolveFeedbackAction,
  revokeShareLinkAction,
  setPlanRoleAction,
  setShareLinkOptionsAction,
} from "./actions";

export const metadata = { title: "Sharing · Planwright" };

const expiryChoices = [
  { value: "", label: "Never" },
  { value: "1", label: "In 1 day" },
  { value: "7", label: "In 7 days" },
  { value: "30", label: "In 30 days" },
  { value: "90", label: "In 90 days" },
];

export default async function SharePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const principal = await getPrincipal();
  const { plan, role } = await pageData(() => getPlan(principal, id), `/plans/${id}/share`);
  const mayShare = canOnPlan(role, "share");
  const mayManage = canOnPlan(role, "manage-access");
  const [links, access, feedback] = await Promise.all([
    mayShare ? getShareLinks(principal, id) : Promise.resolve([]),
    mayManage ? getPlanAccess(principal, id) : Promise.resolve([]),
    getFeedback(principal, id),
  ]);
  const now = new Date();

  return (
    <PlanSubpage plan={plan} crumb="Sharing" title="Sharing & access">
      {!mayShare ? (
        <p className="mt-6 rounded-lg border border-slate-200 bg-white p-5 text-slate-600">
          You can view this plan but not share it. Ask an editor of the plan for a read-only link.
        </p>
      ) : (
        <section className="mt-6" aria-labelledby="links-title">
          <h2 id="links-title" className="text-lg font-medium">
            Read-only links
          </h2>
          <p className="mt-1 text-sm text-slate-600">
            Anyone with a link can read the whole plan — signed in or not — and follow changes live. They cannot edit,
            and they see nothing else of this workspace. A link may also take their questions and feedback, and let them
            download the plan.
          </p>
          <ActionForm
            action={createShareLinkAction}
            resetOnSuccess
            className="mt-4 flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4"
            aria-label="New read-only link"
          >
            <input type="hidden" name="planId" value={plan.id} />
            <Field
              name="label"
              label="Label (optional)"
              placeholder="e.g. Steering committee"
              maxLength={SHARE_LABEL_MAX}
            />
            <label className="flex flex-col gap-1 text-sm font-medium text-slate-700">
              Expires
              <select
                name="expiresInDays"
                defaultValue=""
                className="rounded-md border border-slate-300 bg-white px-2 py-2 text-sm"
              >
                {expiryChoices.map((c) => (
                  <option key={c.value} value={c.value}>
                    {c.label}
                  </option>
                ))}
              </select>
            </label>
            <LinkOptionBoxes idPrefix="new-link" />
            <div>
              <SubmitButton pendingText="Creating…">Create link</SubmitButton>
            </div>
            <LinkReveal label="Your new read-only link" />
          </ActionForm>

          {links.length === 0 ? (
            <p className="mt-4 text-sm text-slate-600">No active links.</p>
          ) : (
            <div className="mt-4 overflow-x-auto rounded-lg border border-slate-200 bg-white">
              <table className="w-full text-left text-sm" aria-label="Active links">
                <thead className="bg-slate-50 text-slate-600">
                  <tr>
                    <th scope="col" className="px-4 py-2 font-medium">
                      Label
                    </th>
                    <th scope="col" className="px-4 py-2 font-medium">
                      Created
                    </th>
                    <th scope="col" className="px-4 py-2 font-medium">
                      Last use
                    </th>
                    <th scope="col" className="px-4 py-2 font-medium">
                      Views
                    </th>
                    <th scope="col" className="px-4 py-2 font-medium">
                      Expires
                    </th>
                    <th scope="col" className="px-4 py-2 font-medium">
                      Allows
                    </th>
                    <th scope="col" className="px-4 py-2 font-medium">
                      <span className="sr-only">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {links.map((l) => {
                    const expired = l.expiresAt !== null && l.expiresAt <= now;
                    return (
                      <tr key={l.id}>
                        <td className="px-4 py-2 font-medium">
                          {l.label || <span className="text-slate-500">Untitled link</span>}
                        </td>
                        <td className="px-4 py-2 text-slate-700">
                          <TimeAgo date={l.createdAt} /> by {l.createdByName ?? "a former member"}
                        </td>
                        <td className="px-4 py-2 text-slate-700">
                          {l.lastUsedAt ? <TimeAgo date={l.lastUsedAt} /> : "never"}
                        </td>
                        <td className="px-4 py-2 text-slate-700" data-testid="view-count">
                          {l.viewCount}
                        </td>
                        <td className="px-4 py-2 text-slate-700">
                          {l.expiresAt ? (
                            expired ? (
                              <span className="text-red-700">expired</span>
                            ) : (
                              <TimeAgo date={l.expiresAt} />
                            )
                          ) : (
                            "never"
                          )}
                        </td>
                        <td className="px-4 py-2">
                          <LinkOptionsForm action={setShareLinkOptionsAction} planId={plan.id} link={l} />
                        </td>
                        <td className="px-4 py-2 text-right">
                          <ConfirmAction
                            action={revokeShareLinkAction}
                            fields={{ planId: plan.id, linkId: l.id }}
                            label="Revoke"
                            title="Revoke this link?"
                            body="Anyone using it loses access at once, including pages already open."
                            confirmLabel="Revoke link"
                          />
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
        </section>
      )}

      <FeedbackList planId={plan.id} items={feedback} answer={answerFeedbackAction} resolve={resolveFeedbackAction} />

      {mayManage && (
        <section className="mt-10" aria-labelledby="access-title">
          <h2 id="access-title" className="text-lg font-medium">
            People in the workspace
          </h2>
          <p className="mt-1 text-sm text-slate-600">
            Members edit every plan by default. Make someone a viewer of this plan when they only need to follow it.
          </p>
          <ul
            className="mt-3 divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white"
            aria-label="Plan access"
          >
            {access.map((m) => {
              const fixed = m.workspaceRole !== "member" || m.isPlanOwner;
              return (
                <li key={m.userId} className="flex items-center justify-between gap-4 px-4 py-2 text-sm">
                  <span>
                    <span className="font-medium">{m.name}</span> <span className="text-slate-500">{m.email}</span>
                  </span>
                  {fixed ? (
                    <span className="text-slate-600">
                      {m.isPlanOwner ? "plan owner" : `workspace ${m.workspaceRole}`} · manages
                    </span>
                  ) : (
                    <ActionForm
                      action={setPlanRoleAction}
                      className="flex items-center gap-2"
                      aria-label={`Role of ${m.name} on this plan`}
                    >
                      <input type="hidden" name="planId" value={plan.id} />
                      <input type="hidden" name="userId" value={m.userId} />
                      <select
                        name="role"
                        defaultValue={m.planRole ?? "editor"}
                        aria-label={`Role of ${m.name} on this plan`}
                        className="rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm"
                      >
                        <option value="editor">editor</option>
                        <option value="viewer">viewer</option>
                      </select>
                      <SubmitButton variant="secondary" pendingText="Saving…">
                        Save
                      </SubmitButton>
                    </ActionForm>
                  )}
                </li>
              );
            })}
          </ul>
        </section>
      )}
    </PlanSubpage>
  );
}
