import { MailOffNote } from "@/components/account/mail-off-note";
import { ActionForm, Field, SubmitButton } from "@/components/forms/action-form";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { WorkspaceHeader } from "@/components/workspace-header";
import { canChangeMember, canOnWorkspace } from "@/lib/access/policy";
import { getPrincipal } from "@/lib/auth";
import { pageData } from "@/lib/page";
import { mailEnabled } from "@/lib/services/account";
import { getMembers, getWorkspace } from "@/lib/services/workspaces";
import { workspaceRoles } from "@/lib/validation/workspace";
import {
  cancelInvitationAction,
  changeRoleAction,
  deleteWorkspaceAction,
  inviteMemberAction,
  removeMemberAction,
  renameWorkspaceAction,
} from "../../actions";
import { Button } from "@/components/ui/button";

export const metadata = { title: "Members · Planwright" };

const roleHelp = {
  owner: "everything, including deleting the workspace",
  admin: "manage members and every plan",
  member: "create and edit plans",
} as const;

function RoleSelect({
  name,
  defaultValue,
  label,
  allowOwner,
}: {
  name: string;
  defaultValue: string;
  label: string;
  allowOwner: boolean;
}) {
  return (
    <select
      name={name}
      defaultValue={defaultValue}
      aria-label={label}
      className="rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm"
    >
      {workspaceRoles
        .filter((r) => allowOwner || r !== "owner")
        .map((r) => (
          <option key={r} value={r}>
            {r}
          </option>
        ))}
    </select>
  );
}

export default async function MembersPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const principal = await getPrincipal();
  const [workspace, { members, invitations, myRole }] = await pageData(
    () => Promise.all([getWorkspace(principal, id), getMembers(principal, id)]),
    `/workspaces/${id}/members`,
  );
  const mayInvite = canOnWorkspace(myRole, "invite");
  const mayRename = canOnWorkspace(myRole, "rename");
  const mayDelete = canOnWorkspace(myRole, "delete");

  return (
    <main className="mx-auto max-w-6xl px-6 py-8">
      <WorkspaceHeader id={id} name={workspace.name} current="members" />
      <div className="mt-6 overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-left text-sm" aria-label="Members">
          <thead className="bg-slate-50 text-slate-600">
            <tr>
              <th scope="col" className="px-4 py-2 font-medium">
                Name
              </th>
              <th scope="col" className="px-4 py-2 font-medium">
                Email
              </th>
              <th scope="col" className="px-4 py-2 font-medium">
                Role
              </th>
              <th scope="col" className="px-4 py-2 font-medium">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {members.map((m) => {
              const isMe = m.userId === principal?.userId;
              const mayChange = !isMe && canChangeMember(myRole, m.role, m.role);
              return (
                <tr key={m.userId}>
                  <td className="px-4 py-2 font-medium">
                    {m.name}
                    {isMe && <span className="ml-1 text-slate-500">(you)</span>}
                  </td>
                  <td className="px-4 py-2 text-slate-700">{m.email}</td>
                  <td className="px-4 py-2">
                    {mayChange ? (
                      <ActionForm
                        action={changeRoleAction}
                        className="flex items-center gap-2"
                        aria-label={`Role of ${m.name}`}
                      >
                        <input type="hidden" name="workspaceId" value={id} />
                        <input type="hidden" name="userId" value={m.userId} />
                        <RoleSelect
                          name="role"
                          defaultValue={m.role}
                          label={`Role of ${m.name}`}
                          allowOwner={myRole === "owner"}
                        />
                        <SubmitButton variant="secondary" pendingText="Saving…">
                          Save
                        </SubmitButton>
                      </ActionForm>
                    ) : (
                      <span title={roleHelp[m.role]}>{m.role}</span>
                    )}
                  </td>
                  <td className="px-4 py-2 text-right">
                    {mayChange && (
                      <ConfirmAction
                        action={removeMemberAction}
                        fields={{ workspaceId: id, userId: m.userId }}
                        label="Remove"
                        title={`Remove ${m.name}?`}
                        body="They lose access to every plan in this workspace at once."
                        confirmLabel="Remove member"
                      />
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>

      {mayInvite && (
        <>
          <section className="mt-8 max-w-xl rounded-lg border border-slate-200 bg-white p-5">
            <h2 className="font-medium">Invite someone</h2>
            <p className="mt-1 text-sm text-slate-600">
              We mail them a link; they see this workspace as soon as they sign up (or sign in) with this email.
            </p>
            {!mailEnabled() && (
              <div className="mt-3">
                <MailOffNote>
                  no invitation mail leaves it, so tell them yourself to sign up with this email.
                </MailOffNote>
              </div>
            )}
            <ActionForm
              action={inviteMemberAction}
              resetOnSuccess
              className="mt-3 flex flex-col gap-3"
              aria-label="Invite member"
            >
              <input type="hidden" name="workspaceId" value={id} />
              <Field name="email" label="Email" type="email" placeholder="colleague@example.com" required />
              <label className="flex flex-col gap-1 text-sm font-medium text-slate-700">
                Role
                <RoleSelect name="role" defaultValue="member" label="Role" allowOwner={myRole === "owner"} />
              </label>
              <div>
                <SubmitButton pendingText="Inviting…">Send invitation</SubmitButton>
              </div>
            </ActionForm>
          </section>
          <section className="mt-8 max-w-xl">
            <h2 className="font-medium">Pending invitations</h2>
            {invitations.length === 0 ? (
              <p className="mt-2 text-sm text-slate-600">No pending invitations.</p>
            ) : (
              <ul className="mt-2 divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
                {invitations.map((inv) => (
                  <li key={inv.id} className="flex items-center justify-between px-4 py-2 text-sm">
                    <span>
                      {inv.email} <span className="text-slate-500">· {inv.role}</span>
                    </span>
                    <ActionForm action={cancelInvitationAction} aria-label={`Cancel invitation for ${inv.email}`}>
                      <input type="hidden" name="workspaceId" value={id} />
                      <input type="hidden" name="invitationId" value={inv.id} />
                      <Button type="submit" variant="ghost-danger" size="sm">
                        Cancel
                      </Button>
                    </ActionForm>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      )}

      {(mayRename || mayDelete) && (
        <section
          className="mt-8 max-w-xl rounded-lg border border-slate-200 bg-white p-5"
          aria-labelledby="ws-settings"
        >
          <h2 id="ws-settings" className="font-medium">
            Workspace
          </h2>
          {mayRename && (
            <ActionForm
              action={renameWorkspaceAction}
              className="mt-3 flex flex-col gap-3"
              aria-label="Rename workspace"
            >
              <input type="hidden" name="workspaceId" value={id} />
              <Field name="name" label="Workspace name" defaultValue={workspace.name} maxLength={80} required />
              <div>
                <SubmitButton pendingText="Saving…">Rename</SubmitButton>
              </div>
            </ActionForm>
          )}
          {mayDelete && (
            <div className="mt-5 flex items-center justify-between gap-4 border-t border-slate-100 pt-4 text-sm">
              <p className="text-slate-600">Deleting the workspace deletes every plan in it, for everyone.</p>
              <ConfirmAction
                action={deleteWorkspaceAction}
                fields={{ workspaceId: id }}
                label="Delete"
                title={`Delete “${workspace.name}”?`}
                body="The workspace, its plans and everything in them are removed for every member. This cannot be undone."
                confirmLabel="Delete workspace"
              />
            </div>
          )}
        </section>
      )}
    </main>
  );
}
