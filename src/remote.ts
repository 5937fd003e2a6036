// Remote template layers (`--template <source>`): giget downloads the archive into a private temp dir, we check
// that what came out is a plain layer (see templates/README.md), read it with readLayer and remove the temp dir.
// The archive is untrusted: any entry that would land outside the target, any link, anything that is not a plain
// UTF-8 file refuses the whole template. Nothing from it is ever executed (giget's `install` stays off).
// Loaded lazily, only when --template is given.
import { createHash } from "node:crypto";
import { lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { downloadTemplate, type TemplateProvider } from "giget";
import { LayerError, readLayer, type Layer } from "./layers.js";
import { EXIT, Refusal } from "./refusal.js";

/** A template that cannot be used (exit 1). */
const refused = (message: string) => new Refusal(message, EXIT.failed);

export interface DownloadLayerOptions {
  /** Use giget's download cache only, never the network. */
  offline?: boolean;
  /** Token sent as `Authorization: Bearer …` (giget lets the GIGET_AUTH environment variable override it). */
  auth?: string;
  /** Aborting it stops the download; the temp dir is removed and a Refusal with the exit code 130 thrown. */
  signal?: AbortSignal;
  /** A request that has no answer (response headers) after this many ms fails. Default 30 000. */
  timeoutMs?: number;
}

const sources = "gh:owner/repo[/folder][#ref], gitlab:, bitbucket:, sourcehut:, or an https:// URL of a .tar.gz";

/** A local folder as a layer (for template authors): the same checks as a download, nothing copied. */
export function localLayer(source: string, dir: string): Layer {
  checkTree(source, dir, []);
  try {
    return readLayer(dir, source);
  } catch (error) {
    if (!(error instanceof LayerError)) throw error;
    throw refused(`Template "${source}" is not a valid layer: ${error.message.replace(`Layer "${source}": `, "")}`);
  }
}

/**
 * Runs `work` with every fetch (giget's included) bounded: a request fails when `signal` aborts, or when no answer
 * came within `timeoutMs`. Records the URL that timed out.
 */
async function withBoundedFetch<T>(
  signal: AbortSignal | undefined,
  timeoutMs: number,
  timedOut: string[],
  work: () => Promise<T>,
): Promise<T> {
  const realFetch = globalThis.fetch;
  globalThis.fetch = async (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    const answer = new AbortController();
    const timer = setTimeout(() => {
      timedOut.push(url);
      answer.abort(new Error(`no answer within ${timeoutMs / 1000} s`));
    }, timeoutMs);
    const signals = [answer.signal, ...(signal ? [signal] : []), ...(init?.signal ? [init.signal] : [])];
    try {
      return await realFetch(input, { ...init, signal: AbortSignal.any(signals) });
    } finally {
      clearTimeout(timer);
    }
  };
  try {
    return await work();
  } finally {
    globalThis.fetch = realFetch;
  }
}

/** Downloads a giget source into a private temp dir, checks it, reads it as a layer, removes the temp dir. */
export async function downloadLayer(source: string, options: DownloadLayerOptions = {}): Promise<Layer> {
  if (!source.trim()) throw refused(`The template source is empty: use ${sources}.`);
  const root = mkdtempSync(join(tmpdir(), "create-convex-saas-template-"));
  const dir = join(root, "layer");
  /** Every entry's path; a trailing `/` marks a directory entry (all common tar writers add it). */
  const entries: string[] = [];
  const unsafe: string[] = [];
  const timeoutMs = options.timeoutMs ?? 30_000;
  const timedOut: string[] = [];
  try {
    try {
      await withBoundedFetch(options.signal, timeoutMs, timedOut, () =>
        downloadTemplate(source, {
          dir,
          offline: options.offline,
          auth: options.auth,
          // No giget registry: a bare `owner/repo` means GitHub, and no request goes to giget's template list.
          registry: false,
          install: false,
          providers: urlProviders(source),
          // Sees every entry's path (giget has already dropped the archive's top folder). Returning true skips it.
          ignore: (path) => {
            if (isUnsafePath(path)) {
              unsafe.push(path);
              return true;
            }
            entries.push(path);
            return false;
          },
        }),
      );
    } catch (error) {
      if (options.signal?.aborted) throw new Refusal(`Download of "${source}" cancelled.`, EXIT.cancelled);
      if (timedOut.length > 0) {
        throw refused(
          `Template "${source}" could not be downloaded: ${timedOut[0]} did not answer within ${timeoutMs / 1000} s. ` +
            "Check your network connection and proxy settings (CREATE_CONVEX_SAAS_TIMEOUT sets the limit in seconds).",
        );
      }
      throw refused(describeFailure(source, error as Error, options.offline));
    }
    if (unsafe.length > 0) {
      throw refused(
        `Template "${source}" was refused: ${quoteList(unsafe)} would be written outside the template folder.`,
      );
    }
    checkTree(source, dir, entries);
    let layer: Layer;
    try {
      layer = readLayer(dir, source);
    } catch (error) {
      if (!(error instanceof LayerError)) throw error;
      const reason = error.message.replace(`Layer "${source}": `, "");
      throw refused(`Template "${source}" is not a valid layer: ${reason}`);
    }
    return layer;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** `..` segments, absolute or drive paths, backslashes, NUL: never part of a layer. */
function isUnsafePath(path: string): boolean {
  return /^[/\\]|^[a-zA-Z]:|\\|\0/.test(path) || path.split("/").includes("..");
}

const quoteList = (paths: readonly string[]) =>
  paths
    .slice(0, 3)
    .map((path) => `"${path}"`)
    .join(", ") + (paths.length > 3 ? ` and ${paths.length - 3} more` : "");

/**
 * What was extracted must be plain: directories and regular UTF-8 files, no links, at least one file — and every
 * archive entry must be there as what it claims: `dir/` a folder, anything else a regular file. The extractor
 * silently skips what it refuses (hard links, links escaping the target, devices…), and a skipped link can turn into a
 * folder when a later entry is written below it: an entry that did not become a plain file or folder refuses the
 * template instead.
 */
function checkTree(source: string, dir: string, entries: readonly string[]): void {
  const refuse = (what: string) =>
    refused(`Template "${source}" was refused: ${what}. A template is plain text files only.`);
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let files = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true }) as import("node:fs").Dirent[]) {
    const full = join(entry.parentPath, entry.name);
    const path = full.slice(dir.length + 1).replace(/\\/g, "/");
    const stat = lstatSync(full);
    if (stat.isSymbolicLink()) throw refuse(`"${path}" is a symbolic link`);
    if (stat.isDirectory()) continue;
    if (!stat.isFile()) throw refuse(`"${path}" is not a regular file`);
    if (stat.nlink > 1) throw refuse(`"${path}" is a hard link`);
    try {
      decoder.decode(readFileSync(full));
    } catch {
      throw refuse(`"${path}" is not a UTF-8 text file`);
    }
    files++;
  }
  // A link entry can vanish (skipped) or be replaced by a folder that a later entry creates below its path.
  const missing = entries.filter((path) => {
    try {
      const stat = lstatSync(join(dir, path));
      return path.endsWith("/") ? !stat.isDirectory() : !stat.isFile() || stat.nlink > 1;
    } catch {
      return true;
    }
  });
  if (missing.length > 0)
    throw refuse(
      `${quoteList(missing)} ${missing.length === 1 ? "is" : "are"} not a plain file or folder (link or special file)`,
    );
  if (files === 0) {
    throw refused(
      `Template "${source}" is empty: no files in it. ` +
        "The archive's top folder is dropped, so the layer's files must be inside one folder (as in GitHub and GitLab archives).",
    );
  }
}

/**
 * giget's own http(s) provider names its cache entry after the file name plus the first 8 characters of the URL, so
 * `https://a.dev/x/main.tar.gz` and `https://b.dev/y/main.tar.gz` would share one cached archive (and --offline, or a
 * network error, could extract the other one). This provider keys the cache by the whole URL. JSON template
 * descriptors (`….json`) stay with giget's provider.
 */
function urlProviders(source: string): Record<string, TemplateProvider> | undefined {
  if (!/^https?:\/\//.test(source) || source.endsWith(".json")) return undefined;
  const provider: TemplateProvider = (input) => ({
    name: `url-${createHash("sha256").update(input).digest("hex").slice(0, 24)}`,
    version: "",
    subdir: "",
    tar: input,
  });
  return { http: provider, https: provider };
}

/** giget reports failures as plain Errors: turn the ones a user can act on into a sentence naming the source. */
function describeFailure(source: string, error: Error, offline = false): string {
  const message = error.message ?? String(error);
  const code = networkCode(error);
  const status = /^Failed to (?:download|fetch) (\S+): (\d{3})\b/.exec(message);
  if (/^Tarball not found: /.test(message) && offline) {
    return `Template "${source}" is not in the download cache, and --offline forbids downloading it: run once without --offline.`;
  }
  if (/^Unsupported provider: /.test(message)) return `Template source "${source}" is not supported: use ${sources}.`;
  if (status) {
    const [, url, statusCode] = status;
    if (statusCode === "404") {
      return (
        `Template "${source}" was not found (404 from ${url}). Check the repository, folder and #ref; ` +
        "a private repository also answers 404 without a token: set GIGET_AUTH."
      );
    }
    if (statusCode === "401" || statusCode === "403") {
      return `Template "${source}" could not be downloaded: access denied (${statusCode} from ${url}). Set GIGET_AUTH to a token that can read it.`;
    }
    return `Template "${source}" could not be downloaded: the server answered ${statusCode} (${url}).`;
  }
  if (code || /fetch failed/.test(message)) {
    const url = /^Failed to (?:download|fetch) (\S+?):? /.exec(message)?.[1];
    return (
      `Template "${source}" could not be downloaded: no connection${url ? ` to ${url}` : ""} (${code ?? innermostMessage(error)}). ` +
      "Check your network connection and proxy settings."
    );
  }
  const tarCode = (error as { tarCode?: unknown }).tarCode;
  if (typeof tarCode === "string" || /^(TAR_|zlib)/.test(message)) {
    return `Template "${source}" is not a valid .tar.gz archive (${message}).`;
  }
  return `Template "${source}" could not be downloaded: ${message}`;
}

const networkCodes =
  /^(ECONNREFUSED|ECONNRESET|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH|EPIPE|UND_ERR_\w+)$/;

/** ECONNREFUSED, ENOTFOUND… from fetch's nested causes. (With a cached copy, giget uses it instead of failing.) */
function networkCode(error: unknown): string | undefined {
  for (let cause = error, depth = 0; cause && depth < 5; cause = (cause as { cause?: unknown }).cause, depth++) {
    const code = (cause as { code?: unknown }).code;
    if (typeof code === "string" && networkCodes.test(code)) return code;
  }
  return undefined;
}

/** The message of the deepest cause ("bad port", "getaddrinfo ENOTFOUND x"): fetch's own is only "fetch failed". */
function innermostMessage(error: unknown): string {
  let message = String((error as Error).message);
  for (
    let cause = (error as { cause?: unknown }).cause, depth = 0;
    cause && depth < 5;
    cause = (cause as { cause?: unknown }).cause, depth++
  ) {
    if ((cause as Error).message) message = (cause as Error).message;
  }
  return message;
}
