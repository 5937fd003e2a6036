// git init + first commit, skipped (with a reason) where it would not help.
import { existsSync, rmSync } from "node:fs";
import { runCommand, type RunOptions } from "./run-command.js";

export type GitOutcome = { done: true; committed: boolean } | { done: false; reason: string; cancelled?: boolean };

/** Aborting `signal` stops git and removes the repository this call made, so no half-made .git stays. */
export async function initGit(dir: string, { signal, onLine }: RunOptions = {}): Promise<GitOutcome> {
  const cancelled = (): GitOutcome => ({ done: false, reason: "cancelled", cancelled: true });
  const run = (args: string[]) => runCommand("git", args, dir, { signal, onLine });
  if (!(await run(["--version"])).ok)
    return signal?.aborted ? cancelled() : { done: false, reason: "git is not installed" };
  const inside = await run(["rev-parse", "--is-inside-work-tree"]);
  if (signal?.aborted) return cancelled();
  if (inside.ok && inside.output.trim() === "true") {
    return { done: false, reason: "the directory is already inside a git work tree" };
  }
  if (existsSync(`${dir}/.git`)) return { done: false, reason: "the directory already has a .git" };
  const init = await run(["init", "--quiet"]);
  if (!init.ok) {
    if (!signal?.aborted) return { done: false, reason: `git init failed: ${init.output.trim()}` };
  } else {
    await run(["add", "--all"]);
  }
  const commit = signal?.aborted
    ? undefined
    : await run(["commit", "--quiet", "--no-verify", "--message", "Initial commit from create-convex-saas"]);
  if (signal?.aborted) {
    rmSync(`${dir}/.git`, { recursive: true, force: true }); // made by this call: the folder was in no work tree
    return cancelled();
  }
  // A missing user.name/user.email is the usual reason: the repository stays, with everything staged.
  return { done: true, committed: commit!.ok };
}
