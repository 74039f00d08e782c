/**
 * What the dev server (./dev-server.ts) adds to the site it serves: the page script and its
 * stylesheet (templates/assets/dev-*), the build's problems for that script, the drafts'
 * previews, and the script's tag in every page a browser opens.
 */
import { existsSync, readFileSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { extname, join, resolve, sep } from "node:path";
import type { DevStatus } from "../../src/site/dev-problems.ts";
import { outputPath } from "../../src/site/fingerprint.ts";
import { ROOT } from "./cli.ts";

/** The dev server's own scripts and stylesheet (dev-*), served from the templates, never written to the site. */
const DEV_ASSETS = join(ROOT, "templates", "assets");
/** Where a page's script asks for the build's problems (a dot folder: no page of the site can have it). */
const STATUS_PATH = "/.revue/status.json";

/** The site's root path on the server: `/`, or the path prefix between slashes (`/revue/`). */
export function basePath(pathPrefix: string): string {
  const inner = pathPrefix.replace(/^\/+|\/+$/g, "");
  return inner ? `/${inner}/` : "/";
}

type Middleware = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

/** The dev server's additions to the site, as a middleware, which Eleventy's dev server runs before its own static files. */
export function devPages(base: string, drafts: string, status: () => DevStatus): Middleware {
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
