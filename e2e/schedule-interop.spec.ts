import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { person } from "./fixtures";

/** A calendar date `days` after today, as the browser's clock would read it locally. */
function isoIn(days: number) {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

async function importFile(page: Page, name: string, buffer: Buffer) {
  await page
    .getByLabel("Schedule file to import")
    .setInputFiles({ name, mimeType: "application/octet-stream", buffer });
  return page.getByTestId("import-report");
}

const tasks = ["Preparation", "Design", "Build", "Go live"];

test("MS Project XML: export a plan, import it into an empty plan through the preview, print the Gantt", async ({
  browser,
}) => {
  const ann = await person(browser, "Ann Lee");
  const workspace = await ann.app.createWorkspace("Interop");
  const first = await ann.app.createPlan("Source plan");
  await expect(ann.page.getByTestId("connection-badge")).toHaveText("Live");

  // Seed the plan from a CSV: a summary task, two linked tasks and a milestone.
  const [a, b, c, d] = [isoIn(1), isoIn(5), isoIn(8), isoIn(20)];
  const csv = [
    "Name,Kind,Start,End,Parent,Predecessors",
    `Preparation,task,${a},${d},,`,
    `Design,task,${a},${b},Preparation,`,
    `Build,task,${c},${d},Preparation,Design [SS+2]`,
    `Go live,milestone,${d},${d},,Build [FS]`,
  ].join("\n");
  let report = await importFile(ann.page, "seed.csv", Buffer.from(csv));
  await expect(report.getByTestId("import-preview")).toContainText("Go live");
  await report.getByRole("button", { name: "Import 4 tasks" }).click();
  await expect(report).toContainText("4 tasks imported.");

  // Export MS Project XML from the live plan.
  const download = ann.page.waitForEvent("download");
  await ann.page.getByRole("button", { name: "Export MS Project XML" }).click();
  const xml = readFileSync((await (await download).path())!);
  expect(xml.toString()).toContain("<PredecessorLink>");
  const api = await ann.page.request.get(`/api/v1/plans/${first}/schedule.xml`);
  expect(api.status()).toBe(200);
  expect(await api.text()).toContain("<Name>Go live</Name>");
  const xlsx = await ann.page.request.get(`/api/v1/plans/${first}/schedule.xlsx`);
  expect(xlsx.headers()["content-type"]).toContain("spreadsheetml");

  // The timeline as a picture, from what is on screen.
  const svgDownload = ann.page.waitForEvent("download");
  await ann.page.getByRole("button", { name: "Export SVG" }).click();
  const svg = readFileSync((await (await svgDownload).path())!, "utf8");
  expect(svg).toContain("<svg");
  expect(svg).toContain("Build");
  const pngDownload = ann.page.waitForEvent("download");
  await ann.page.getByRole("button", { name: "Export PNG" }).click();
  const png = readFileSync((await (await pngDownload).path())!);
  expect(png.subarray(1, 4).toString()).toBe("PNG");

  // Import into an empty plan: a preview first, written only when confirmed.
  await ann.page.goto(`/workspaces/${workspace}`);
  const second = await ann.app.createPlan("Copy plan");
  await expect(ann.page.getByTestId("connection-badge")).toHaveText("Live");
  report = await importFile(ann.page, "schedule.xml", xml);
  await expect(report).toContainText("schedule.xml: 4 tasks and 2 links will be imported.");
  await expect(ann.page.getByLabel("Start of Design")).toHaveCount(0);
  await report.getByRole("button", { name: "Import 4 tasks" }).click();
  await expect(report).toContainText("4 tasks imported.");
  for (const [name, start] of [
    ["Design", a],
    ["Build", c],
    ["Go live", d],
  ] as const)
    await expect(ann.page.getByLabel(`Start of ${name}`)).toHaveValue(start);
  await expect(ann.page.getByLabel("Predecessors of Build")).toHaveValue("Design [SS+2]");

  // The workbook reads back with the CSV's columns (exceljs runs in the browser too).
  report = await importFile(ann.page, "plan.xlsx", await xlsx.body());
  await expect(report).toContainText("plan.xlsx: 4 tasks and 2 links will be imported.");
  await report.getByRole("button", { name: "Cancel" }).click();

  // A file from another tool: the row report says what is dropped; cancelling writes nothing.
  report = await importFile(ann.page, "rollout.xml", readFileSync("lib/schedule/fixtures/rollout.xml"));
  await expect(report).toContainText("9 tasks and 6 links will be imported");
  await expect(report.getByRole("list", { name: "Row report" })).toContainText("Data team");
  await expect(report).toContainText("Also take the file's working calendar");
  await report.getByRole("button", { name: "Cancel" }).click();
  await expect(ann.page.getByLabel("Start of Data audit")).toHaveCount(0);

  // A hostile file is refused with a sentence.
  report = await importFile(
    ann.page,
    "evil.xml",
    Buffer.from('<?xml version="1.0"?><!DOCTYPE p [<!ENTITY x SYSTEM "file:///etc/passwd">]><Project>&x;</Project>'),
  );
  await expect(report).toContainText("DOCTYPE");

  // The print view draws the Gantt: bars on landscape pages.
  await ann.page.goto(`/plans/${second}/print`);
  const page = ann.page.getByTestId("gantt-page").first();
  await expect(page).toBeVisible();
  const src = (await page.locator("img").getAttribute("src"))!;
  const drawn = Buffer.from(src.replace(/^data:image\/svg\+xml;base64,/, ""), "base64").toString("utf8");
  for (const name of tasks) expect(drawn).toContain(name);
  expect(drawn.match(/class="gantt-bar/g)?.length).toBe(2);
  expect(drawn).toContain('class="gantt-milestone"');
  expect(drawn).toContain('class="gantt-link"');
  await ann.context.close();
});
