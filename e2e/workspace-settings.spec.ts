import { expect, test } from "@playwright/test";
import { person } from "./fixtures";

test("owners rename and delete a workspace from its members page; admins rename, members do neither", async ({
  browser,
}) => {
  const owner = await person(browser, "Olga Owner");
  const admin = await person(browser, "Adam Admin");
  const member = await person(browser, "Mia Member");
  const workspaceId = await owner.app.createWorkspace("Rollout team");
  await owner.app.inviteMember(workspaceId, admin.email, "admin");
  await owner.app.inviteMember(workspaceId, member.email, "member");

  // A member sees the members page without the workspace's own settings.
  await member.page.goto(`/workspaces/${workspaceId}/members`);
  await expect(member.page.getByRole("heading", { level: 1, name: "Rollout team" })).toBeVisible();
  await expect(member.page.getByRole("form", { name: "Rename workspace" })).toHaveCount(0);
  await expect(member.page.getByRole("button", { name: "Delete" })).toHaveCount(0);

  // An admin may rename, but not delete.
  await admin.page.goto(`/workspaces/${workspaceId}/members`);
  const rename = admin.page.getByRole("form", { name: "Rename workspace" });
  await expect(admin.page.getByRole("button", { name: "Delete", exact: true })).toHaveCount(0);
  await rename.getByLabel("Workspace name").fill("");
  await rename.getByRole("button", { name: "Rename" }).click();
  await expect(rename.getByLabel("Workspace name")).toHaveJSProperty("validity.valueMissing", true);
  await rename.getByLabel("Workspace name").fill("Rollout crew");
  await rename.getByRole("button", { name: "Rename" }).click();
  await expect(admin.page.getByText("Workspace renamed.")).toBeVisible();
  await expect(admin.page.getByRole("heading", { level: 1, name: "Rollout crew" })).toBeVisible();

  // Everyone sees the new name.
  await owner.page.goto(`/workspaces/${workspaceId}/members`);
  await expect(owner.page.getByRole("heading", { level: 1, name: "Rollout crew" })).toBeVisible();

  // Deleting asks first; Cancel leaves everything as it was.
  await owner.page.getByRole("button", { name: "Delete", exact: true }).click();
  const dialog = owner.page.getByRole("dialog", { name: "Delete “Rollout crew”?" });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  await owner.page.reload();
  await expect(owner.page.getByRole("heading", { level: 1, name: "Rollout crew" })).toBeVisible();

  await owner.page.getByRole("button", { name: "Delete", exact: true }).click();
  await dialog.getByRole("button", { name: "Delete workspace" }).click();
  await expect(owner.page).toHaveURL(/\/workspaces$/);
  await expect(owner.page.getByText("Rollout crew")).toHaveCount(0);

  // Gone for the members too.
  const res = await member.page.goto(`/workspaces/${workspaceId}`);
  expect(res?.status()).toBe(404);

  for (const p of [owner, admin, member]) await p.context.close();
});
