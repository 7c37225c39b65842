import { expect, test } from "@playwright/test";
import { person } from "./fixtures";

/** A calendar date `days` after today, as the browser's clock would read it locally. */
function isoIn(days: number) {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

const TASKS = 400;

test("a large plan: every bar is in the chart, rows far from the screen are not drawn until scrolled to, and they work there", async ({
  browser,
}) => {
  const ann = await person(browser, "Ann Lee");
  await ann.app.createWorkspace("Large");
  await ann.app.createPlan("Large plan");
  await expect(ann.page.getByTestId("connection-badge")).toHaveText("Live");

  // Chains of ten linked tasks, imported in one go.
  const rows = ["Name,Kind,Start,End,Predecessors"];
  for (let i = 1; i <= TASKS; i++)
    rows.push(
      `Step ${i},task,${isoIn(2 + ((i - 1) % 10) * 3)},${isoIn(3 + ((i - 1) % 10) * 3)},${i % 10 === 1 ? "" : `Step ${i - 1} [FS]`}`,
    );
  await ann.page
    .getByLabel("Schedule file to import")
    .setInputFiles({ name: "tasks.csv", mimeType: "text/csv", buffer: Buffer.from(rows.join("\n")) });
  await ann.page.getByRole("button", { name: `Import ${TASKS} tasks` }).click();
  await expect(ann.page.getByTestId("import-report")).toContainText(`${TASKS} tasks imported`);
  await ann.page.reload();
  await expect(ann.page.getByTestId("connection-badge")).toHaveText("Live");

  const chart = ann.page.getByTestId("gantt-chart");
  await expect(chart.locator(".bar-wrapper")).toHaveCount(TASKS);
  const last = chart.locator(".bar-wrapper").filter({ has: ann.page.locator(".bar-label", { hasText: /^Step 400$/ }) });
  const first = chart.locator(".bar-wrapper").filter({ has: ann.page.locator(".bar-label", { hasText: /^Step 1$/ }) });
  await expect(first.locator(".bar")).toBeVisible();
  // The last rows are far below the screen: in the document, not displayed.
  await expect(last.locator(".bar")).toBeHidden();

  // A keyboard or pointer user hovering a bar's end finds its resize handle (hidden until then).
  await first.locator(".bar").scrollIntoViewIfNeeded();
  await first.locator(".handle.right").hover({ force: true });
  await expect(first.locator(".handle.right")).toHaveClass(/active/);

  // Scrolled to the end: the last rows are drawn, their labels placed by their real width.
  // (The task grid beside it draws only the rows in view too: the box they scroll in is scrolled.)
  await ann.page
    .getByTestId("schedule")
    .locator(":scope > div.overflow-y-auto")
    .evaluate((box) => {
      box.scrollTop = box.scrollHeight;
    });
  await expect(last.locator(".bar")).toBeVisible();
  await expect(ann.page.getByLabel("Start of Step 400")).toBeVisible();
  await expect
    .poll(() =>
      last.evaluate((g) => {
        const bar = g.querySelector(".bar")!;
        const label = g.querySelector<SVGTextElement>(".bar-label")!;
        const x = Number(bar.getAttribute("x"));
        const w = Number(bar.getAttribute("width"));
        const lx = Number(label.getAttribute("x"));
        const lw = label.getBBox().width;
        // frappe-gantt's rule: centred in the bar when it fits, after the bar's end otherwise.
        return (
          lw > 0 &&
          (label.classList.contains("big") ? Math.abs(lx - (x + w + 5)) < 1 : Math.abs(lx - (x + w / 2 - lw / 2)) < 1)
        );
      }),
    )
    .toBe(true);

  // And a drag there moves the task (the chain after it follows).
  await ann.page.getByRole("button", { name: "Day", exact: true }).click();
  await expect(chart).toHaveAttribute("style", /--gv-column-width: 45px/);
  const before = await ann.page.getByLabel("Start of Step 400").inputValue();
  const target = last.locator(".bar");
  await target.scrollIntoViewIfNeeded();
  const box = (await target.boundingBox())!;
  await ann.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await ann.page.mouse.down();
  for (let i = 1; i <= 10; i++) await ann.page.mouse.move(box.x + box.width / 2 + 9.5 * i, box.y + box.height / 2);
  await ann.page.mouse.up();
  await expect(ann.page.getByLabel("Start of Step 400")).not.toHaveValue(before);
  await ann.context.close();
});
