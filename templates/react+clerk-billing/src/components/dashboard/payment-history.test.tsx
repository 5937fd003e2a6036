import { screen, within } from "@testing-library/react";
import { beforeEach, describe, expect, test, vi } from "vitest";
import { CLERK_WEBHOOK_PATH } from "../../../convex/clerkWebhook";
import { signedWebhook, WEBHOOK_SECRET } from "../../../convex/test.setup";
import paymentAttemptUpdated from "../../../webhooks/samples/paymentAttempt.updated.json";
import { type Backend, addUser, newBackend, renderPage } from "../../testing/harness";
import { DashboardPage } from "../../views/dashboard-page";

const ADA = { userId: "user_ada", name: "Ada Lovelace" };

/** Clerk's paymentAttempt.updated example, paid by Ada, delivered through the signed webhook. */
async function pays(
  backend: Backend,
  n: number,
  { status = "paid", amount = "$22.00" }: { status?: string; amount?: string } = {},
) {
  const { data } = paymentAttemptUpdated;
  const at = Date.UTC(2026, 0, n);
  const event = {
    ...paymentAttemptUpdated,
    data: {
      ...data,
      id: `pa_${n}`,
      payment_id: `cpa_${n}`,
      status,
      created_at: at,
      updated_at: at,
      paid_at: status === "paid" ? at : null,
      failed_at: status === "failed" ? at : null,
      payer: { ...data.payer, user_id: ADA.userId },
      totals: {
        ...data.totals,
        grand_total: { ...data.totals.grand_total, amount_formatted: amount },
      },
    },
  };
  const response = await backend.fetch(CLERK_WEBHOOK_PATH, signedWebhook(event));
  expect(response.status).toBe(200);
}

const panel = () => screen.findByRole("region", { name: "Payment history" });
const rows = async () =>
  within(await panel())
    .getAllByRole("row")
    .slice(1); // without the header row

beforeEach(() => {
  vi.stubEnv("CLERK_WEBHOOK_SECRET", WEBHOOK_SECRET);
  vi.spyOn(console, "log").mockImplementation(() => {}); // the webhook's log lines
});

describe("the payment history", () => {
  test("with no payments: says so, and where to upgrade", async () => {
    const backend = newBackend();
    await addUser(backend, ADA);
    renderPage(<DashboardPage />, { session: ADA, backend });
    expect(await within(await panel()).findByText(/No payments yet/)).toBeTruthy();
    expect(within(await panel()).getByRole("link", { name: "Upgrade to Pro" })).toBeTruthy();
  });

  test("lists the payments Clerk reported, newest first, a failed one marked in words", async () => {
    const backend = newBackend();
    await addUser(backend, ADA);
    await pays(backend, 1);
    await pays(backend, 2, { status: "failed", amount: "$25.00" });
    renderPage(<DashboardPage />, { session: ADA, backend });
    expect(await within(await panel()).findByRole("table")).toBeTruthy();
    const cells = (await rows()).map((row) =>
      within(row)
        .getAllByRole("cell")
        .map((cell) => cell.textContent?.trim()),
    );
    expect(cells.map((row) => [row[3], row[4]])).toEqual([
      [expect.stringContaining("failed"), "$25.00"],
      [expect.stringContaining("paid"), "$22.00"],
    ]);
  });

  test("shows 10 payments, then the rest with Load more", async () => {
    const backend = newBackend();
    await addUser(backend, ADA);
    for (let n = 1; n <= 12; n++) await pays(backend, n);
    const { user } = renderPage(<DashboardPage />, { session: ADA, backend });
    await within(await panel()).findByRole("table");
    expect(await rows()).toHaveLength(10);
    await user.click(within(await panel()).getByRole("button", { name: "Load more" }));
    await expect.poll(async () => (await rows()).length).toBe(12);
  });

  test("a payment arriving while the page is open shows, live", async () => {
    const backend = newBackend();
    await addUser(backend, ADA);
    const { client } = renderPage(<DashboardPage />, { session: ADA, backend });
    expect(await within(await panel()).findByText(/No payments yet/)).toBeTruthy();
    await pays(backend, 1);
    await client.refresh();
    expect(await within(await panel()).findByRole("table")).toBeTruthy();
  });
});
