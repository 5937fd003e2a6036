// git init + first commit, skipped (with a reason) where it would not help.
import { runCommand } from "./run-command.js";

export type GitOutcome = { done: true; committed: boolean } | { done: false; reason: string };

export async function initGit(dir: string): Promise<GitOutcome> {
  if (!(await runCommand("git", ["--version"], dir)).ok) return { done: false, reason: "git is not installed" };
  const inside = await runCommand("git", ["rev-parse", "--is-inside-work-tree"], dir);
  if (inside.ok && inside.output.trim() === "true") {
    return { done: false, reason: "the directory is already inside a git work tree" };
  }
  const init = await runCommand("git", ["init", "--quiet"], dir);
  if (!init.ok) return { done: false, reason: `git init failed: ${init.output.trim()}` };
  await runCommand("git", ["add", "--all"], dir);
  const commit = await runCommand(
    "git",
    ["commit", "--quiet", "--no-verify", "--message", "Initial commit from create-convex-saas"],
    dir,
  );
  // A missing user.name/user.email is the usual reason: the repository stays, with everything staged.
  return { done: true, committed: commit.ok };
}
