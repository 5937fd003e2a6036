import { screen, within } from "@testing-library/react";
import { describe, expect, test } from "vitest";
import { navLinks } from "../sections";
import { renderPage } from "../testing/harness";
import { LandingPage } from "./landing-page";

const ADA = { userId: "user_ada", name: "Ada Lovelace" };

describe("the landing page", () => {
  test("signed out: the pitch, and Sign in, Sign up and Get started", async () => {
    renderPage(<LandingPage />, { session: null });
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBeTruthy();
    const header = screen.getByRole("banner");
    for (const name of ["Sign in", "Sign up"]) {
      expect(within(header).getByRole("button", { name })).toBeTruthy();
    }
    expect(screen.getByRole("button", { name: "Get started" })).toBeTruthy();
    expect(screen.queryByRole("navigation", { name: "Main" })).toBeNull();
  });

  test("signed in: the signed-in links and the way to the dashboard", async () => {
    renderPage(<LandingPage />, { session: ADA });
    const nav = screen.getByRole("navigation", { name: "Main" });
    expect(
      within(nav)
        .getAllByRole("link")
        .map((link) => link.getAttribute("href")),
    ).toEqual(Object.keys(navLinks));
    expect(screen.getByRole("link", { name: "Open dashboard" }).getAttribute("href")).toBe(
      "/dashboard",
    );
    expect(
      within(screen.getByRole("banner")).queryByRole("button", { name: "Sign in" }),
    ).toBeNull();
  });
});
