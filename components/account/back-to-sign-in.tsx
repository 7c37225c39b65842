import Link from "next/link";

/** The footer of the account-recovery pages. */
export function BackToSignIn() {
  return (
    <Link className="font-medium text-indigo-700 underline" href="/signin">
      Back to sign in
    </Link>
  );
}
