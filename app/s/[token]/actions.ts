"use server";

import { headers } from "next/headers";
import { formFields, toActionState, type ActionState } from "@/lib/actions";
import { CLIENT_IP_HEADER } from "@/lib/security/headers";
import { leaveFeedback } from "@/lib/services/feedback";

/** A link reader's question or comment; nobody is signed in, the link's token is the only credential. */
export async function leaveFeedbackAction(_prev: ActionState | undefined, formData: FormData): Promise<ActionState> {
  const fields = formFields(formData);
  try {
    const address = (await headers()).get(CLIENT_IP_HEADER) ?? "unknown";
    await leaveFeedback(fields.token ?? "", fields, address);
    return { ok: true, message: "Thank you. The plan's team will see it and answer here." };
  } catch (err) {
    return toActionState(err, fields);
  }
}
