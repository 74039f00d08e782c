/**
 * npm start [-- --port 8080 --content DIR --output DIR]
 *
 * Builds the archive from content/ and serves it on http://localhost:8080 with live
 * reload: saving an article or a knowledge-base file rebuilds the records and refreshes
 * the browser.
 */
import { join, resolve } from "node:path";
import { parse, ROOT, run } from "./lib/cli.ts";
import { eleventy } from "./lib/eleventy.ts";

const USAGE = "usage: npm start -- [--port 8080] [--content DIR] [--output DIR]";

run(async () => {
  const { values } = parse({ port: { type: "string" }, content: { type: "string" }, output: { type: "string" } }, USAGE);
  const port = Number(values.port ?? process.env["PORT"] ?? 8080);
  if (!Number.isInteger(port) || port <= 0) throw new Error(`invalid port ${values.port}\n\n${USAGE}`);
  // Read by .eleventy.ts when Eleventy loads it.
  if (values.content) process.env["REVUE_CONTENT"] = resolve(values.content);
  process.env["REVUE_DEV_SEARCH"] = "1";
  const server = eleventy(resolve(values.output ?? join(ROOT, "_site")), { runMode: "serve" });
  await server.init();
  await server.watch();
  await server.serve(port);
  process.stderr.write(`revue: serving the archive on http://localhost:${port}/ (edits to content/ reload the page; Ctrl+C stops)\n`);
  process.on("SIGINT", () => {
    void server.stopWatch().then(() => process.exit(0));
  });
  process.on("SIGTERM", () => {
    void server.stopWatch().then(() => process.exit(0));
  });
  return new Promise<never>(() => {});
});
