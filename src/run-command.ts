// Runs install and git through execa (loaded only when a project is really written).
import { execa } from "execa";

export interface CommandResult {
  ok: boolean;
  /** The command was not found on PATH. */
  missing: boolean;
  /** Stopped through `signal` (Ctrl-C). */
  cancelled: boolean;
  output: string;
}

export interface RunOptions {
  /** Each line the command prints, as it prints it. */
  onLine?: (line: string) => void;
  /** Aborting it ends the command and its children (SIGTERM, then SIGKILL after 3 s). */
  signal?: AbortSignal;
  /** Extra environment variables for the command. */
  env?: Record<string, string>;
}

export async function runCommand(
  file: string,
  args: readonly string[],
  cwd: string,
  { onLine, signal, env = {} }: RunOptions = {},
): Promise<CommandResult> {
  const tap = onLine
    ? [
        function* (line: unknown) {
          onLine(String(line));
          yield line;
        },
      ]
    : undefined;
  // In its own process group, so that a Ctrl-C ends the command and everything it started (a package manager's
  // children would otherwise keep its output open, and execa waits for that).
  const subprocess = execa(file, args, {
    cwd,
    all: true,
    stdin: "ignore",
    env: { FORCE_COLOR: "0", ...env },
    detached: process.platform !== "win32",
    ...(tap ? { stdout: tap, stderr: tap } : {}),
  });
  let killer: NodeJS.Timeout | undefined;
  const end = () => {
    const group = (sig: NodeJS.Signals) => {
      try {
        if (process.platform === "win32" || !subprocess.pid) subprocess.kill(sig);
        else process.kill(-subprocess.pid, sig);
      } catch {
        // already gone
      }
    };
    group("SIGTERM");
    killer = setTimeout(() => group("SIGKILL"), 3000);
    killer.unref();
  };
  if (signal?.aborted) end();
  else signal?.addEventListener("abort", end, { once: true });
  try {
    const result = await subprocess;
    return { ok: true, missing: false, cancelled: false, output: result.all ?? "" };
  } catch (error) {
    const failure = error as {
      code?: string;
      all?: string;
      shortMessage?: string;
      message: string;
      isCanceled?: boolean;
    };
    return {
      ok: false,
      missing: failure.code === "ENOENT",
      cancelled: failure.isCanceled === true || signal?.aborted === true,
      output: failure.all || failure.shortMessage || failure.message,
    };
  } finally {
    clearTimeout(killer);
    signal?.removeEventListener("abort", end);
  }
}
