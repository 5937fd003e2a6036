// This package's version, from its package.json (one level above src/ and dist/ alike), read once.
import { readFileSync } from "node:fs";

let version: string | undefined;

export const generatorVersion = (): string =>
  (version ??= (JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string })
    .version);
