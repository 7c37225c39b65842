import { z } from "zod";
import { email, label } from "./common";

export const workspaceRoles = ["owner", "admin", "member"] as const;
export const workspaceRoleInput = z.enum(workspaceRoles, { message: "Role must be owner, admin or member." });

export const createWorkspaceInput = z.object({ name: label("Workspace name", 80) });
export const updateWorkspaceInput = z.object({ name: label("Workspace name", 80) });

export const inviteInput = z.object({
  email,
  role: workspaceRoleInput.default("member"),
});

export const changeRoleInput = z.object({ role: workspaceRoleInput });
