/**
 * npm run verify -- --site _site
 *
 * The quality gates on a built site, before it is published: every internal link resolves
 * (under the configured path prefix), every page passes html-validate, no page exceeds its
 * weight budget. Exits 1 on any failure.
 */
import { join, resolve } from "node:path";
import { loadSiteConfig } from "../src/config.ts";
import { parse, ROOT, run } from "./lib/cli.ts";
import { brokenLinks, overBudget, validateHtml } from "./lib/site-checks.ts";

const USAGE = "usage: npm run verify -- [--site _site] [--content DIR]";

run(async () => {
  const { values } = parse({ site: { type: "string" }, content: { type: "string" } }, USAGE);
  const site = resolve(values.site ?? join(ROOT, "_site"));
  const { pathPrefix } = loadSiteConfig(resolve(values.content ?? join(ROOT, "content")));
  const links = brokenLinks(site, pathPrefix);
  const html = await validateHtml(site);
  const budgets = overBudget(site);
  for (const link of links) process.stdout.write(`broken link: ${link.page} → ${link.href}\n`);
  for (const problem of html) process.stdout.write(`html-validate: ${problem}\n`);
  for (const problem of budgets) process.stdout.write(`over budget: ${problem}\n`);
  process.stdout.write(`verify: ${links.length} broken links, ${html.length} HTML problems, ${budgets.length} pages over budget (prefix ${pathPrefix})\n`);
  return links.length + html.length + budgets.length > 0 ? 1 : 0;
});
