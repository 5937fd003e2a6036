// Runs install and git through execa (loaded only when a project is really written).
import { execa } from "execa";

export interface CommandResult {
  ok: boolean;
  /** The command was not found on PATH. */
  missing: boolean;
  output: string;
}

export async function runCommand(file: string, args: readonly string[], cwd: string, env: Record<string, string> = {}): Promise<CommandResult> {
  try {
    const result = await execa(file, args, { cwd, all: true, stdin: "ignore", env: { FORCE_COLOR: "0", ...env } });
    return { ok: true, missing: false, output: result.all ?? "" };
  } catch (error) {
    const failure = error as { code?: string; all?: string; shortMessage?: string; message: string };
    return { ok: false, missing: failure.code === "ENOENT", output: failure.all || failure.shortMessage || failure.message };
  }
}
