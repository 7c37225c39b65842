import "server-only";
import { cache } from "react";
import NextAuth, { CredentialsSignin, type DefaultSession } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import GitHub from "next-auth/providers/github";
import Google from "next-auth/providers/google";
import type { Provider } from "next-auth/providers";
import type { UserPrincipal } from "@/lib/access";
import { oauthProviders } from "@/lib/env";
import { CLIENT_IP_HEADER } from "@/lib/security/headers";
import { RateLimitedError } from "@/lib/security/rate-limit";
import { sessionStillValid, signInWithPassword, userForOAuth } from "@/lib/services/users";

/** Sign-in refused because of too many attempts; the form says so instead of "wrong password". */
export class RateLimitedSignin extends CredentialsSignin {
  code = "rate_limited";
}

declare module "next-auth" {
  interface Session {
    user: { id: string } & DefaultSession["user"];
  }
}

const providers: Provider[] = [
  Credentials({
    credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
    async authorize(credentials, request) {
      const address = request.headers.get(CLIENT_IP_HEADER) ?? "unknown";
      try {
        const user = await signInWithPassword(credentials, address);
        if (!user) throw new CredentialsSignin();
        return user;
      } catch (err) {
        if (err instanceof RateLimitedError) throw new RateLimitedSignin();
        throw err;
      }
    },
  }),
];
const enabled = oauthProviders();
if (enabled.github) providers.push(GitHub);
if (enabled.google) providers.push(Google);

export const { handlers, auth, signIn, signOut } = NextAuth({
  trustHost: true,
  session: { strategy: "jwt" },
  pages: { signIn: "/signin", error: "/signin" },
  providers,
  logger: {
    // A wrong password is an expected outcome, not an error with a stack trace.
    error(error) {
      if (error.name === "CredentialsSignin" || (error as { type?: string }).type === "CredentialsSignin") return;
      console.error("[auth]", error.message);
    },
  },
  callbacks: {
    async signIn({ account, profile }) {
      if (!account || account.provider === "credentials") return true;
      return typeof profile?.email === "string" && profile.email.length > 0;
    },
    async jwt({ token, user, account, profile }) {
      if (account && account.provider !== "credentials" && profile?.email) {
        const u = await userForOAuth({
          email: profile.email,
          name: profile.name as string | undefined,
          image: user?.image,
        });
        token.uid = u.id;
        token.name = u.name;
        token.sv = u.sessionVersion;
      } else if (user?.id) {
        token.uid = user.id;
        token.sv = (user as { sessionVersion?: number }).sessionVersion ?? 0;
      } else if (typeof token.uid === "string") {
        // Every later read: a password reset since this session was issued ends it (null signs out).
        const version = typeof token.sv === "number" ? token.sv : 0;
        if (!(await sessionStillValid(token.uid, version))) return null;
      }
      return token;
    },
    session({ session, token }) {
      if (typeof token.uid === "string") session.user.id = token.uid;
      return session;
    },
  },
});

/** The signed-in principal for this request (once per render), or null. */
export const getPrincipal = cache(async (): Promise<UserPrincipal | null> => {
  const id = (await getSessionUser())?.id;
  return id ? { kind: "user", userId: id } : null;
});

/** The signed-in user of this request, or null: the session cookie is read once per render. */
export const getSessionUser = cache(async () => (await auth())?.user ?? null);

/** Names of the OAuth providers switched on, for the sign-in page. */
export const enabledOAuth = () =>
  Object.entries(enabled)
    .filter(([, on]) => on)
    .map(([id]) => id as "github" | "google");
