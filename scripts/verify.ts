/**
 * npm run verify -- --site _site
 *
 * The quality gates on a built site, before it is published: every internal link resolves
 * (under the configured path prefix), every page passes html-validate, no page exceeds its
 * weight budget. Exits 1 on any failure.
 */
import { join, resolve } from "node:path";
import { loadSiteConfig } from "../src/config.ts";
import { editorLanguage, parse, ROOT, run } from "./lib/cli.ts";
import { brokenLinks, overBudget, validateHtml } from "../src/pipeline/site-checks.ts";

const USAGE = "usage: npm run verify -- [--site _site] [--content DIR]";

run(async () => {
  const { values } = parse({ site: { type: "string" }, content: { type: "string" } }, USAGE);
  const site = resolve(values.site ?? join(ROOT, "_site"));
  const contentDir = resolve(values.content ?? join(ROOT, "content"));
  const { pathPrefix } = loadSiteConfig(contentDir);
  const { say } = editorLanguage(contentDir);
  const links = brokenLinks(site, pathPrefix);
  const html = await validateHtml(site);
  const budgets = overBudget(site);
  for (const link of links) process.stdout.write(`${say.verify.brokenLink(link.page, link.href)}\n`);
  for (const problem of html) process.stdout.write(`${say.verify.html(problem)}\n`);
  for (const problem of budgets) process.stdout.write(`${say.verify.overBudget(problem)}\n`);
  process.stdout.write(`${say.verify.summary({ links: links.length, html: html.length, budgets: budgets.length, prefix: pathPrefix })}\n`);
  return links.length + html.length + budgets.length > 0 ? 1 : 0;
});
