import { after, before } from "node:test";
import type { Browser } from "playwright-core";
import { launchBrowser } from "./browser.ts";
import { serveStatic, type StaticServer } from "./serve.ts";
import { buildSite } from "./site.ts";

export interface BuiltSite {
  output: string;
  server: StaticServer;
  browser: Browser;
}

/**
 * For a browser suite: builds a content folder once (before the suite), serves it on
 * 127.0.0.1 (under a path prefix if given) and starts Chromium; stops both after.
 */
export function useBuiltSite(options: { content?: string; env?: NodeJS.ProcessEnv; prefix?: string } = {}): BuiltSite {
  const site = {} as BuiltSite;
  before(async () => {
    site.output = (await buildSite(options.content, options.env)).output;
    site.server = await serveStatic(site.output, options.prefix);
    site.browser = await launchBrowser();
  });
  after(async () => {
    await site.browser?.close();
    await site.server?.close();
  });
  return site;
}
