/**
 * npm start [-- --port 8080 --host 127.0.0.1 --content DIR --output DIR]
 *
 * Builds the archive from content/ and serves it on http://127.0.0.1:8080 with live
 * reload: saving an article or a knowledge-base file rebuilds what changed and refreshes
 * the browser. The rebuild is `npm run build`'s, run in this process: the knowledge base
 * and the record cache stay in memory, only the edited sources are read again and only the
 * pages whose content changed are written.
 *
 * Every page it serves runs templates/assets/dev-live.js (a file of the site's origin, which the
 * site's security policy lets run, the 404 page included): a rebuild reloads the page, or takes
 * it to its article's new address when the article moved; the build's errors, and the warnings of
 * the files edited, are shown over the page until a build has none. Drafts (`draft: true`) are
 * served at their address with a banner, made in a folder of their own beside the site, never in it.
 *
 * It listens on this machine only (127.0.0.1) unless `--host` names another address
 * (`--host 0.0.0.0`: every interface, for a container or a phone on the same network).
 * It holds the output folder's lock for its whole life: its rebuilds trust the site they
 * wrote, so no other build may change that folder under it (`npm run build` into the same
 * folder says so and names this process).
 */
import { existsSync, readFileSync, rmSync } from "node:fs";
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import type { AddressInfo, ListenOptions } from "node:net";
import { extname, join, relative, resolve, sep } from "node:path";
import { articleSources } from "../src/pipeline/article-sources.ts";
import type { Diagnostic } from "../src/model/diagnostic.ts";
import { devStatus, type DevStatus } from "../src/site/dev-problems.ts";
import { outputPath } from "../src/site/fingerprint.ts";
import { articleAddresses, movedAddresses } from "../src/site/moved-addresses.ts";
import type { BuildSession } from "../src/pipeline/build-site.ts";
import { buildFiles, realOutputPath } from "../src/pipeline/build-files.ts";
import { parse, ROOT, run } from "./lib/cli.ts";
import { ensureHeap, heapForArticles } from "./lib/heap.ts";

const USAGE = "usage: npm start -- [--port 8080 (0: any free port)] [--host 127.0.0.1 (0.0.0.0: every interface)] [--content DIR] [--output DIR]";

/** Editors' tools write a file in several steps: changes this close together make one rebuild. */
const SETTLE_MS = 30;

/** The dev server's own scripts and stylesheet (dev-*), served from the templates, never written to the site. */
const DEV_ASSETS = join(ROOT, "templates", "assets");
/** Where a page's script asks for the build's problems (a dot folder: no page of the site can have it). */
const STATUS_PATH = "/.revue/status.json";

run(async () => {
  const { values } = parse({ port: { type: "string" }, host: { type: "string" }, content: { type: "string" }, output: { type: "string" } }, USAGE);
  const port = Number(values.port ?? process.env["PORT"] ?? 8080);
  if (!Number.isInteger(port) || port < 0) throw new Error(`invalid port ${values.port}\n\n${USAGE}`);
  const content = resolve(values.content ?? join(ROOT, "content"));
  const output = resolve(values.output ?? join(ROOT, "_site"));
  // Run again with a larger heap: the child serves.
  if (ensureHeap(() => heapForArticles(articleSources(content).length))) return new Promise<never>(() => {});
  // Loaded once the heap is settled: a process that starts its child with a larger heap has no use for them.
  const host = values.host ?? process.env["HOST"] ?? "127.0.0.1";
  const [{ build }, { LOCK_WAIT_MS }, { claimOutput }, { default: EleventyDevServer }, { watch }] = await Promise.all([import("./lib/build.ts"), import("../src/pipeline/build-site.ts"), import("../src/pipeline/output-folder.ts"), import("@11ty/eleventy-dev-server"), import("chokidar")]);
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const site = realOutputPath(output);
  // Stopping goes through process.exit, which releases the output's lock.
  const closers: (() => unknown)[] = [];
  const stop = () => {
    void Promise.all(closers.map((close) => close())).then(() => process.exit(0));
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  await claimOutput({ content, output: site, files: buildFiles(content, site), command: "npm start", waitMs: LOCK_WAIT_MS, log, exitsOnSignals: true });
  const session: BuildSession = { archive: {}, site: {} };
  // Beside the output's work folder (build-files.ts), under the output's lock, which this process holds.
  const drafts = `${buildFiles(content, site).work}-drafts`;
  const first = await build({ content, output: site, ci: false, session, log, holdsOutput: true, drafts });
  const base = basePath(first.archive.config.pathPrefix);
  const lang = first.archive.config.lang;

  // What the pages show of the builds: the problems of the last one, the files edited since the start.
  const edited = new Set<string>();
  const isEdited = (file: string) => edited.has(resolve(file));
  let builds = 0;
  let status: DevStatus = devStatus(builds, first.archive.diagnostics, isEdited, lang);
  let addresses = articleAddresses(first.archive);

  const server = EleventyDevServer.getServer("revue", output, {
    pathPrefix: first.archive.config.pathPrefix,
    // Its reload script would be written into a 404 page inline, which the site's security
    // policy blocks: every page gets ours instead, a file (the middleware below), and the
    // server's WebSocket carries our messages (`sendUpdateNotification`).
    liveReload: false,
    domDiff: false,
    middleware: [devPages(base, drafts, () => status)],
    logger: { info: () => {}, log: () => {}, error: log },
  });
  listenOn(server.server, host);
  server.serve(port);
  await server.ready();
  // One rebuild at a time; changes that arrive during a rebuild make one more after it.
  let running: Promise<void> | undefined;
  let again = false;
  let timer: NodeJS.Timeout | undefined;
  const rebuild = async () => {
    do {
      again = false;
      const started = performance.now();
      try {
        // The browser reloads as soon as the pages are in place; the open data and the search index follow.
        await build({
          content,
          output: site,
          ci: false,
          session,
          log,
          holdsOutput: true,
          pagesFirst: true,
          drafts,
          onPages: (archive) => {
            const now = articleAddresses(archive);
            const moved = [...movedAddresses(addresses, now)].map(([from, to]) => [`${base}${from.slice(1)}`, `${base}${to.slice(1)}`]);
            addresses = now;
            status = devStatus(++builds, archive.diagnostics, isEdited, archive.config.lang);
            server.sendUpdateNotification({ type: "revue.reload", moved: Object.fromEntries(moved) });
            log(`revue: pages rebuilt in ${Math.round(performance.now() - started)} ms`);
          },
        });
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        log(`revue: the rebuild failed: ${message}`);
        // The pages stay as the last build left them: the failure is shown over them.
        const failure: Diagnostic = { file: relative(process.cwd(), content) || content, rule: "build-failed", severity: "error", message };
        status = devStatus(++builds, [failure], isEdited, lang);
        server.sendUpdateNotification({ type: "revue.status", status });
      }
    } while (again);
    running = undefined;
  };
  const changed = (_event: string, path: string) => {
    edited.add(resolve(path));
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (running) again = true;
      else running = rebuild();
    }, SETTLE_MS);
  };
  const watcher = watch(content, { ignoreInitial: true, ignored: (path) => /(^|\/)\.[^/]/.test(relative(content, path)) });
  watcher.on("all", changed);
  await new Promise<void>((resolve) => watcher.once("ready", () => resolve()));
  // The drafts' previews go with the server: only a running dev server shows them.
  closers.push(() => watcher.close(), () => server.close(), async () => {
    await running;
    rmSync(drafts, { recursive: true, force: true });
  });
  // The address the server really listens on (it takes the next port when this one is in use).
  const shown = relative(process.cwd(), content);
  const { address, port: listening } = server.server.address() as AddressInfo;
  log(`revue: serving the archive on ${announce(address, listening, first.archive.config.pathPrefix)} (edits to ${shown && !shown.startsWith("..") ? shown : content}/ reload the page; Ctrl+C stops)`);
  return new Promise<never>(() => {});
});

/**
 * Makes the dev server listen on `host`: Eleventy's dev server passes only the port to Node's
 * `listen` (every interface), also when it retries the next port, and has no option for the
 * address (11ty/eleventy-dev-server#128). Its Node server is public (`server`): its `listen` is given the host.
 */
function listenOn(server: Server, host: string): void {
  const listen = server.listen.bind(server) as (options: ListenOptions) => Server;
  server.listen = ((options: ListenOptions) => listen({ ...options, host })) as Server["listen"];
}

/** How to reach an address: every interface is reached here as localhost, and said to be open to the network. */
function announce(address: string, port: number, pathPrefix: string): string {
  const path = pathPrefix.startsWith("/") ? pathPrefix : `/${pathPrefix}`;
  if (address === "0.0.0.0" || address === "::") return `http://localhost:${port}${path} and every network interface (${address}: other machines can reach it)`;
  return `http://${address.includes(":") ? `[${address}]` : address}:${port}${path}`;
}

/** The site's root path on the server: `/`, or the path prefix between slashes (`/revue/`). */
function basePath(pathPrefix: string): string {
  const inner = pathPrefix.replace(/^\/+|\/+$/g, "");
  return inner ? `/${inner}/` : "/";
}

type Middleware = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

/**
 * What the dev server adds to the site it serves (a middleware, which Eleventy's dev server
 * runs before its own static files): the page script and its stylesheet, the build's problems
 * for that script, the drafts' previews, and the script's tag in every page a browser opens.
 */
function devPages(base: string, drafts: string, status: () => DevStatus): Middleware {
  const script = `<script type="module" src="${base}assets/dev-live.js"></script>`;
  return (req, res, next) => {
    const path = sitePath(req.url ?? "/", base);
    if (path === STATUS_PATH) return send(res, "application/json; charset=utf-8", JSON.stringify(status()));
    const asset = path && /^\/assets\/(dev-[a-z-]+\.(?:js|css))$/.exec(path)?.[1];
    if (asset && existsSync(join(DEV_ASSETS, asset))) return send(res, asset.endsWith(".js") ? "text/javascript; charset=utf-8" : "text/css; charset=utf-8", readFileSync(join(DEV_ASSETS, asset), "utf8"));
    // A page the browser navigates to (not a fetch of the search's scripts): its script is added before </head>.
    const mode = req.headers["sec-fetch-mode"];
    if (!mode || mode === "navigate") withScript(res, script);
    const draft = path && (req.method === "GET" || req.method === "HEAD") ? draftFile(drafts, path) : undefined;
    if (draft) return send(res, "text/html; charset=utf-8", readFileSync(draft, "utf8"));
    next();
  };
}

/** The path of a request inside the site (`/articles/…`), decoded; none outside the path prefix. */
function sitePath(url: string, base: string): string | undefined {
  let path: string;
  try {
    path = decodeURIComponent(new URL(url, "http://localhost").pathname);
  } catch {
    return undefined;
  }
  return path.startsWith(base) ? `/${path.slice(base.length)}` : undefined;
}

/** A draft's page at this path, when the last build made one (a page's file, inside the drafts' folder). */
function draftFile(drafts: string, path: string): string | undefined {
  const file = resolve(drafts, outputPath(path));
  return file.startsWith(`${drafts}${sep}`) && extname(file) === ".html" && existsSync(file) ? file : undefined;
}

function send(res: ServerResponse, type: string, body: string): void {
  res.setHeader("Content-Type", type);
  res.setHeader("Cache-Control", "no-store");
  res.end(body);
}

/** Adds the script's tag to the HTML this response ends with (the dev server writes a page's HTML as one string). */
function withScript(res: ServerResponse, script: string): void {
  const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
  res.end = ((data?: unknown, ...rest: unknown[]) => {
    const html = typeof data === "string" && String(res.getHeader("Content-Type") ?? "").startsWith("text/html");
    return end(html ? addScript(data, script) : data, ...rest);
  }) as ServerResponse["end"];
}

function addScript(html: string, script: string): string {
  const head = html.indexOf("</head>");
  return head === -1 ? `${html}${script}` : `${html.slice(0, head)}${script}${html.slice(head)}`;
}
