// Test helpers for remote templates: a tiny tar writer (so tests can hand-craft hostile archives: `../` paths,
// symlinks, hardlinks), an HTTP server on 127.0.0.1 that serves them, and a server that never answers. No network,
// no tar binary.
import { createServer, type IncomingHttpHeaders } from "node:http";
import { createServer as createNetServer, type AddressInfo, type Socket } from "node:net";
import { gzipSync } from "node:zlib";

export type TarEntry =
  | { path: string; type?: "file"; content: string | Buffer }
  | { path: string; type: "dir" }
  | { path: string; type: "symlink" | "hardlink"; linkpath: string }
  /** A pax global header, as `git archive` and GitHub's tarballs start with. */
  | { path: string; type: "pax-global"; content: string };

const typeFlags = { file: "0", hardlink: "1", symlink: "2", dir: "5", "pax-global": "g" } as const;

function header(path: string, type: keyof typeof typeFlags, size: number, linkpath = ""): Buffer {
  const block = Buffer.alloc(512);
  const name = Buffer.from(path);
  if (name.length > 100 || Buffer.byteLength(linkpath) > 100) throw new Error(`tar-server: name too long: ${path}`);
  const octal = (value: number, width: number) => value.toString(8).padStart(width - 1, "0") + "\0";
  name.copy(block, 0);
  block.write(octal(type === "dir" ? 0o755 : 0o644, 8), 100, "ascii");
  block.write(octal(0, 8), 108, "ascii");
  block.write(octal(0, 8), 116, "ascii");
  block.write(octal(size, 12), 124, "ascii");
  block.write(octal(1_700_000_000, 12), 136, "ascii");
  block.write(typeFlags[type], 156, "ascii");
  block.write(linkpath, 157);
  block.write("ustar\0", 257, "ascii");
  block.write("00", 263, "ascii");
  block.fill(" ", 148, 156);
  let sum = 0;
  for (const byte of block) sum += byte;
  block.write(sum.toString(8).padStart(6, "0") + "\0 ", 148, "ascii");
  return block;
}

/** An uncompressed ustar archive of the entries, in order. */
export function tar(entries: readonly TarEntry[]): Buffer {
  const blocks: Buffer[] = [];
  for (const entry of entries) {
    const type = entry.type ?? "file";
    if ("linkpath" in entry) {
      blocks.push(header(entry.path, type, 0, entry.linkpath));
    } else if (!("content" in entry)) {
      blocks.push(header(entry.path.endsWith("/") ? entry.path : `${entry.path}/`, type, 0));
    } else {
      const data = Buffer.from(entry.content);
      blocks.push(header(entry.path, type, data.length), data, Buffer.alloc((512 - (data.length % 512)) % 512));
    }
  }
  blocks.push(Buffer.alloc(1024));
  return Buffer.concat(blocks);
}

/** A `.tar.gz` of the entries. */
export const tarGz = (entries: readonly TarEntry[]): Buffer => gzipSync(tar(entries));

export interface TarServer {
  /** `http://127.0.0.1:PORT/path` */
  url(path: string): string;
  /** Headers of every request received, in order. */
  requests: { method: string; url: string; headers: IncomingHttpHeaders }[];
  close(): Promise<void>;
}

/** Serves `files` (path → body) on 127.0.0.1 with a random port; anything else is a 404. HEAD is supported. */
export async function serveFiles(files: Record<string, Buffer>): Promise<TarServer> {
  const requests: TarServer["requests"] = [];
  const server = createServer((request, response) => {
    requests.push({ method: request.method ?? "", url: request.url ?? "", headers: request.headers });
    const body = files[new URL(request.url ?? "/", "http://x").pathname];
    if (!body) {
      response
        .writeHead(404, { "content-type": "text/plain" })
        .end(request.method === "HEAD" ? undefined : "Not Found");
      return;
    }
    response.writeHead(200, { "content-type": "application/gzip", "content-length": body.length });
    response.end(request.method === "HEAD" ? undefined : body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${port}${path.startsWith("/") ? path : `/${path}`}`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/** A TCP server on 127.0.0.1 that accepts connections and never answers; counts them. */
export async function silentServer(): Promise<{ url: string; connections: () => number; close: () => Promise<void> }> {
  let connections = 0;
  const sockets = new Set<Socket>();
  const server = createNetServer((socket) => {
    connections++;
    sockets.add(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/layer.tar.gz`,
    connections: () => connections,
    close: () => new Promise<void>((resolve) => (sockets.forEach((s) => s.destroy()), server.close(() => resolve()))),
  };
}
