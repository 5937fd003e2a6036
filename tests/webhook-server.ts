// A stand-in for a Convex deployment's /clerk-users-webhook: verifies each delivery with svix, as convex/http.ts does.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "svix";

export async function verifyingServer(secret: string) {
  const received: { type: string; data: Record<string, unknown> }[] = [];
  const server = createServer((request, response) => {
    let body = "";
    request.setEncoding("utf8").on("data", (chunk: string) => (body += chunk));
    request.on("end", () => {
      try {
        new Webhook(secret).verify(body, {
          "svix-id": String(request.headers["svix-id"]),
          "svix-timestamp": String(request.headers["svix-timestamp"]),
          "svix-signature": String(request.headers["svix-signature"]),
        });
      } catch {
        response.writeHead(400).end("Invalid webhook");
        return;
      }
      received.push(JSON.parse(body));
      response.writeHead(200, { "content-type": "application/json" }).end('{"ok":true}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/clerk-users-webhook`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
