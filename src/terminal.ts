// Output and terminal checks without Node's stdio streams. The first touch of process.stdout or process.stdin
// builds a stream and loads net or the fs streams (~30 modules): a sixth of a whole scaffold. Writing to the file
// descriptor needs none of that. Once clack is in use the streams exist anyway, and then we write through them too,
// so our lines keep their order with clack's (writes to a terminal are asynchronous on Windows) and a Windows
// console gets Unicode the way it wants it.
import { fstatSync, writeSync } from "node:fs";

let throughStreams = false;

/** From now on, write through process.stdout and process.stderr (call once prompts are in use). */
export function useStdioStreams() {
  throughStreams = true;
}

/** Writes all of `text` to stdout (1) or stderr (2). A closed pipe (`| head`) drops the rest silently. */
export function writeOut(fd: 1 | 2, text: string) {
  if (throughStreams) {
    (fd === 1 ? process.stdout : process.stderr).write(text);
    return;
  }
  let rest = Buffer.from(text);
  while (rest.length > 0) {
    try {
      rest = rest.subarray(writeSync(fd, rest));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "EAGAIN") continue; // a non-blocking pipe that is full: try again
      if (code === "EPIPE") return;
      throw error;
    }
  }
}

/** Whether `fd` is a terminal. A cheap fstat first, so pipes and files (CI, agents) never load the tty module. */
export function isTerminal(fd: 0 | 1): boolean {
  try {
    if (!fstatSync(fd).isCharacterDevice()) return false;
  } catch {
    return false; // closed
  }
  return process.getBuiltinModule("node:tty").isatty(fd);
}
