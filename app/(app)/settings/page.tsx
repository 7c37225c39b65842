import { ActionForm, Field, SubmitButton } from "@/components/forms/action-form";
import { SecretReveal } from "@/components/forms/secret-reveal";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { TimeAgo } from "@/components/ui/time-ago";
import { getPrincipal, getSessionUser } from "@/lib/auth";
import { pageData } from "@/lib/page";
import { getAccount } from "@/lib/services/account";
import { listApiTokens } from "@/lib/services/tokens";
import { createTokenAction, revokeTokenAction, setDigestAction } from "./actions";

export const metadata = { title: "Settings · Planwright" };

export default async function SettingsPage() {
  const [principal, user] = await Promise.all([getPrincipal(), getSessionUser()]);
  const [tokens, account] = await pageData(
    () => Promise.all([listApiTokens(principal), getAccount(principal)]),
    "/settings",
  );
  return (
    <main className="mx-auto max-w-3xl px-6 py-8">
      <h1 className="text-2xl font-semibold">Account settings</h1>
      <p className="mt-1 text-sm text-slate-600">
        Signed in as {user?.name} ({user?.email})
      </p>

      <section className="mt-8" aria-labelledby="mail-title">
        <h2 id="mail-title" className="text-lg font-medium">
          Email
        </h2>
        <ActionForm
          action={setDigestAction}
          className="mt-4 flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4"
          aria-label="Daily summary"
        >
          <fieldset className="flex flex-col gap-2 text-sm">
            <legend className="mb-1 font-medium text-slate-700">Daily summary of tasks due tomorrow or overdue</legend>
            <label className="flex items-center gap-2">
              <input type="radio" name="digest" value="on" defaultChecked={account.emailDigest} /> Send it to me
            </label>
            <label className="flex items-center gap-2">
              <input type="radio" name="digest" value="off" defaultChecked={!account.emailDigest} /> Do not send it
            </label>
          </fieldset>
          <div>
            <SubmitButton variant="secondary" pendingText="Saving…">
              Save
            </SubmitButton>
          </div>
        </ActionForm>
        {!account.mailEnabled && (
          <p className="mt-2 text-sm text-slate-600">
            Email is not configured on this server; mail is written to its log until it is.
          </p>
        )}
      </section>

      <section className="mt-8" aria-labelledby="tokens-title">
        <h2 id="tokens-title" className="text-lg font-medium">
          Personal API tokens
        </h2>
        <p className="mt-1 text-sm text-slate-600">
          Use a token with the JSON API as{" "}
          <code className="rounded bg-slate-100 px-1">Authorization: Bearer &lt;token&gt;</code>. It acts as you, with
          your permissions. Only a hash is stored, so a token is shown once.
        </p>
        <ActionForm
          action={createTokenAction}
          resetOnSuccess
          className="mt-4 flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4"
          aria-label="New API token"
        >
          <Field name="name" label="Token name" placeholder="e.g. CI export" maxLength={60} required />
          <div>
            <SubmitButton pendingText="Creating…">Create token</SubmitButton>
          </div>
          <SecretReveal label="Your new token" />
        </ActionForm>
        {tokens.length === 0 ? (
          <p className="mt-4 text-sm text-slate-600">No active tokens.</p>
        ) : (
          <ul
            className="mt-4 divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white"
            aria-label="Active tokens"
          >
            {tokens.map((t) => (
              <li key={t.id} className="flex items-center justify-between px-4 py-2 text-sm">
                <span>
                  <span className="font-medium">{t.name}</span> <code className="text-slate-500">{t.prefix}…</code>
                  <span className="ml-2 text-slate-500">
                    created <TimeAgo date={t.createdAt} />
                    {t.lastUsedAt ? (
                      <>
                        , last used <TimeAgo date={t.lastUsedAt} />
                      </>
                    ) : (
                      ", never used"
                    )}
                  </span>
                </span>
                <ConfirmAction
                  action={revokeTokenAction}
                  fields={{ tokenId: t.id }}
                  label="Revoke"
                  title={`Revoke “${t.name}”?`}
                  body="Anything using this token stops working at once."
                  confirmLabel="Revoke token"
                />
              </li>
            ))}
          </ul>
        )}
      </section>
    </main>
  );
}
