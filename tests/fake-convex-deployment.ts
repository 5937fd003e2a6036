// A tiny fake Convex deployment, just enough for `convex codegen --url <url> --admin-key <any> --typecheck disable`
// to write `convex/_generated` offline, components included. `--system-udfs` codegen ignores `convex.config.ts` (no
// `components` export) and codegen without a deployment writes nothing, so this is the only way to get Convex's own
// component-aware output without a network.
//
// That flow (convex 1.48, cli/lib/components.js `startComponentsPushAndCodegen`) calls exactly two endpoints:
//   POST /api/get_config_hashes     (pullConfig: which modules the deployment already has; we have none)
//   POST /api/deploy2/start_push    (brotli JSON; its `analysis` is what codegen reads)
// and then stops: codegen never calls wait_for_schema / finish_push. Anything else is a 404 naming the path.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { brotliDecompressSync, gunzipSync } from "node:zlib";

export interface FakeConvexDeployment {
  /** `http://127.0.0.1:PORT`, for `--url`. */
  url: string;
  /** `METHOD /path` of every request received, in order (so a test can assert nothing else was called). */
  requests: readonly string[];
  close(): Promise<void>;
}

/** The part of a bundled module the CLI sends that we use (cli/lib/deployApi/modules.js `moduleConfig`). */
interface ModuleConfig {
  path: string;
  source: string;
}

/** The part of the start_push request we use (cli/lib/deployApi/startPush.js `startPushRequest`). */
interface StartPushRequest {
  appDefinition: { definition: ModuleConfig | null; dependencies: string[]; udfServerVersion: string };
  componentDefinitions: { definitionPath: string; definition: ModuleConfig; dependencies: string[] }[];
}

/** What `.export()` of a `defineApp()` / `defineComponent()` returns (server/components/index.js). */
interface ExportedDefinition {
  name?: string;
  definitionType: { type: "app" } | { type: "childComponent"; name: string };
  childComponents: unknown[];
  httpMounts: Record<string, string>;
  exports: { type: "branch"; branch: unknown[] };
  envVars?: unknown[];
}

/** `componentDefinitionMetadata` (cli/lib/deployApi/componentDefinition.js): the export plus its definition path. */
type DefinitionMetadata = ExportedDefinition & { path: string };

/** What a bundled `convex.config` module's default export is, as far as we call it. */
interface DefinitionModule {
  default?: { export?: () => ExportedDefinition };
}

/** Error answered with the `{ code, message }` body real deployments use, which the CLI prints. */
class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Starts the fake on 127.0.0.1 with a random port. */
export async function fakeConvexDeployment(): Promise<FakeConvexDeployment> {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    requests.push(`${req.method ?? "?"} ${req.url ?? "?"}`);
    handle(req, res).catch((error: unknown) => {
      const failure = error instanceof HttpError ? error : new HttpError(500, "InternalServerError", String(error));
      send(res, failure.status, { code: failure.code, message: failure.message });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const path = new URL(req.url ?? "/", "http://fake").pathname;
  if (req.method === "POST" && path === "/api/get_config_hashes") {
    await readBody(req);
    // `config.functions` must be a string (config.js parseBackendConfig); only `moduleHashes` is used by codegen,
    // and empty means "the deployment has no modules yet", so the CLI just sends them all.
    send(res, 200, {
      config: { functions: "convex/" },
      moduleHashes: [],
      nodeDependencies: [],
      udfServerVersion: null,
    });
    return;
  }
  if (req.method === "POST" && path === "/api/deploy2/start_push") {
    const request = JSON.parse((await readBody(req)).toString("utf8")) as StartPushRequest;
    send(res, 200, await startPush(request));
    return;
  }
  throw new HttpError(404, "NotFound", `fake Convex deployment: no endpoint ${req.method ?? "?"} ${path}`);
}

/**
 * Does the one part of a push that codegen reads: evaluate every `convex.config` bundle and report its definition
 * metadata as `analysis[definitionPath].definition`. Everything else is the smallest value `startPushResponse`
 * (cli/lib/deployApi/startPush.js) accepts: no functions, no schema, no env vars, no auth.
 */
async function startPush(request: StartPushRequest): Promise<unknown> {
  const udfConfig = {
    serverVersion: request.appDefinition.udfServerVersion,
    importPhaseRngSeed: null,
    importPhaseUnixTimestamp: null,
  };
  const definitions = await evaluateDefinitions(request);
  const analysis: Record<string, unknown> = {};
  for (const [definitionPath, definition] of definitions) {
    analysis[definitionPath] = { definition, schema: null, functions: {}, udfConfig };
  }
  return {
    environmentVariables: {},
    externalDepsId: null,
    componentDefinitionPackages: {},
    appAuth: [],
    analysis,
    // The checked component tree (instances, args, routes) is only used by `convex deploy`/`dev`, never by codegen.
    app: {
      definitionPath: "",
      componentPath: "",
      args: {},
      childComponents: {},
      httpRoutes: { httpModuleRoutes: null, mounts: [] },
      exports: {},
    },
    schemaChange: { allocatedComponentIds: null, schemaIds: null },
  };
}

/**
 * `.export()` of each definition bundle, keyed by definition path: "" for the app (the root's path relative to
 * itself, see `toComponentDefinitionPath`), the request's `definitionPath` for components. Children first, since a
 * parent's bundle imports them.
 */
async function evaluateDefinitions(request: StartPushRequest): Promise<Map<string, DefinitionMetadata>> {
  const components = new Map(request.componentDefinitions.map((c) => [c.definitionPath, c]));
  const evaluated = new Map<string, DefinitionMetadata>();
  const dir = await mkdtemp(join(tmpdir(), "fake-convex-"));
  let counter = 0;
  const evaluate = async (definitionPath: string, module: ModuleConfig | null, dependencies: string[]) => {
    if (evaluated.has(definitionPath)) return;
    for (const dependency of dependencies) {
      const component = components.get(dependency);
      if (!component) throw new HttpError(400, "InvalidPush", `unknown component definition ${dependency}`);
      await evaluate(dependency, component.definition, component.dependencies);
    }
    const exported = module ? await evaluateModule(dir, `${counter++}`, module, dependencies, evaluated) : null;
    evaluated.set(definitionPath, { ...(exported ?? emptyApp()), path: definitionPath });
  };
  try {
    await evaluate("", request.appDefinition.definition, request.appDefinition.dependencies);
    for (const component of request.componentDefinitions) {
      await evaluate(component.definitionPath, component.definition, component.dependencies);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return evaluated;
}

/** The metadata of an app without `convex.config.ts` (the CLI normally bundles a virtual one, so rarely used). */
function emptyApp(): ExportedDefinition {
  return {
    definitionType: { type: "app" },
    childComponents: [],
    httpMounts: {},
    exports: { type: "branch", branch: [] },
  };
}

/**
 * Imports one bundle from a temp `.mjs`. The bundler leaves each child component import external as
 * `./_componentDeps/<base64url(definitionPath)>` (cli/lib/components/definition/bundle.js `definitionImportPath`);
 * like the deployment, we resolve it to the object `app.use()` expects: `{ componentDefinitionPath, defaultName }`.
 */
async function evaluateModule(
  dir: string,
  id: string,
  module: ModuleConfig,
  dependencies: string[],
  evaluated: ReadonlyMap<string, DefinitionMetadata>,
): Promise<ExportedDefinition> {
  // Its source map is not sent: without the comment that names it, nothing tries to read it.
  let source = module.source.replace(/^\/\/# sourceMappingURL=.*$/m, "");
  for (const [index, dependency] of dependencies.entries()) {
    const specifier = `./_componentDeps/${Buffer.from(dependency).toString("base64url")}`;
    const stub = `${id}-dep${index}.mjs`;
    const imported = { componentDefinitionPath: dependency, defaultName: evaluated.get(dependency)?.name };
    await writeFile(join(dir, stub), `export default ${JSON.stringify(imported)};\n`);
    source = source.replaceAll(JSON.stringify(specifier), JSON.stringify(`./${stub}`));
  }
  const file = join(dir, `${id}.mjs`);
  await writeFile(file, source);
  let loaded: DefinitionModule;
  try {
    loaded = (await import(pathToFileURL(file).href)) as DefinitionModule;
  } catch (error) {
    throw new HttpError(400, "InvalidModules", `Failed to evaluate ${module.path}: ${String(error)}`);
  }
  const definition = loaded.default;
  if (typeof definition?.export !== "function") {
    throw new HttpError(400, "InvalidModules", `${module.path} has no default export from defineApp/defineComponent`);
  }
  return definition.export();
}

/** The request body, decompressed: start_push is sent with `Content-Encoding: br` (cli/lib/deploy2.js). */
async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks);
  switch (req.headers["content-encoding"]) {
    case "br":
      return brotliDecompressSync(body);
    case "gzip":
      return gunzipSync(body);
    default:
      return body;
  }
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "Content-Type": "application/json" });
  res.end(JSON.stringify(body));
}

/** The `convex codegen` arguments that use the fake deployment at `url` (any admin key; no type check). */
export const codegenArgs = (url: string): string[] => [
  "convex",
  "codegen",
  "--url",
  url,
  "--admin-key",
  "fake",
  "--typecheck",
  "disable",
];
