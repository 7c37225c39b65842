import { oauthSignInAction } from "@/app/(auth)/actions";

const names = { github: "GitHub", google: "Google" } as const;

/** Buttons for the OAuth providers that are switched on (none when their variables are unset). */
export function OAuthButtons({ providers, next }: { providers: ("github" | "google")[]; next?: string }) {
  if (providers.length === 0) return null;
  return (
    <div className="mt-6 flex flex-col gap-2 border-t border-slate-200 pt-6">
      {providers.map((p) => (
        <form key={p} action={oauthSignInAction}>
          <input type="hidden" name="provider" value={p} />
          {next && <input type="hidden" name="next" value={next} />}
          <button
            type="submit"
            className="w-full rounded-md border border-slate-300 px-3 py-2 text-sm font-medium hover:bg-slate-50"
          >
            Continue with {names[p]}
          </button>
        </form>
      ))}
    </div>
  );
}
