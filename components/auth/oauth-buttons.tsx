import { oauthSignInAction } from "@/app/(auth)/actions";
import { Button } from "@/components/ui/button";

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
          <Button type="submit" variant="secondary" size="lg" className="w-full">
            Continue with {names[p]}
          </Button>
        </form>
      ))}
    </div>
  );
}
