"use client";

import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from "react";
import type { CommentsState } from "@/app/(app)/plans/[id]/comment-actions";

export type PlanComments = NonNullable<CommentsState["data"]>;
export type PlanComment = PlanComments["comments"][number];

type Ctx = PlanComments & {
  planId: string;
  members: { id: string; name: string }[];
  /** Replace what is shown with what the server answered. */
  update: (next: PlanComments) => void;
};

const CommentsCtx = createContext<Ctx | null>(null);

/** The plan's comments for every panel on the page, first painted from the server. */
export function CommentsProvider({
  planId,
  members,
  initial,
  children,
}: {
  planId: string;
  members: Ctx["members"];
  initial: PlanComments;
  children: ReactNode;
}) {
  const [data, setData] = useState(initial);
  const update = useCallback((next: PlanComments) => setData(next), []);
  const value = useMemo(() => ({ ...data, planId, members, update }), [data, planId, members, update]);
  return <CommentsCtx.Provider value={value}>{children}</CommentsCtx.Provider>;
}

/** Null outside a CommentsProvider (e.g. the share-link page), where no comment controls show. */
export function useComments(): Ctx | null {
  return useContext(CommentsCtx);
}
