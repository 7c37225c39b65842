/** Test helper: a fresh signed-up user as a principal, with the email they signed up with. */
import type { UserPrincipal } from "@/lib/access";
import { signUp } from "@/lib/services/users";

let n = 0;

export async function testUser(name: string): Promise<UserPrincipal & { email: string }> {
  const email = `${name.toLowerCase()}${++n}-${process.pid}@example.com`;
  const u = await signUp({ name, email, password: "correct horse battery" });
  return { kind: "user", userId: u.id, email };
}
