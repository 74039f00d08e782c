import { existsSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { HtmlValidate } from "html-validate";
import { walkFiles } from "./walk.ts";

/**
 * Quality gates over a built site, shared by `npm run verify` (what CI publishes) and the
 * test suite (what the tests build): internal links, html-validate, page weight budgets.
 */
export interface BrokenLink {
  page: string;
  href: string;
}

const htmlPages = (root: string) => walkFiles(root).filter((file) => file.endsWith(".html") && !file.includes(`${root}/pagefind/`));

/** Every internal link (href, src) of every page that leads to no file. `prefix` is the site's path prefix. */
export function brokenLinks(root: string, prefix = "/"): BrokenLink[] {
  const broken: BrokenLink[] = [];
  for (const file of htmlPages(root)) {
    const html = readFileSync(file, "utf8");
    const pageUrl = `${prefix}${relative(root, file).replace(/index\.html$/, "")}`;
    for (const match of html.matchAll(/\s(?:href|src)="([^"]*)"/g)) {
      const href = (match[1] ?? "").replace(/&amp;/g, "&");
      if (/^(https?:|mailto:|data:|#|\/\/)/.test(href) || href === "") continue;
      const path = new URL(href, `http://site${pageUrl}`).pathname;
      const target = path.startsWith(prefix) ? join(root, decodeURIComponent(path.slice(prefix.length))) : undefined;
      const exists = target !== undefined && existsSync(target) && (statSync(target).isFile() || existsSync(join(target, "index.html")));
      if (!exists) broken.push({ page: relative(root, file), href });
    }
  }
  return broken;
}

const validator = new HtmlValidate({ extends: ["html-validate:standard"] });

/** html-validate's standard preset over every page: one line per problem. */
export async function validateHtml(root: string): Promise<string[]> {
  const problems: string[] = [];
  for (const file of htmlPages(root)) {
    const report = await validator.validateString(readFileSync(file, "utf8"), file);
    for (const result of report.results) {
      for (const message of result.messages) problems.push(`${relative(root, file)}:${message.line}:${message.column} ${message.ruleId}: ${message.message}`);
    }
  }
  return problems;
}

/** Page weight budgets (HTML + the stylesheet), by the page's first path segment. */
export const BUDGETS: Readonly<Record<string, number>> = {
  articles: 50 * 1024,
  personnes: 120 * 1024,
  institutions: 120 * 1024,
  sujets: 120 * 1024,
  lieux: 120 * 1024,
  medias: 120 * 1024,
  archives: 120 * 1024,
  "": 120 * 1024,
};

export function overBudget(root: string): string[] {
  const css = existsSync(join(root, "assets/style.css")) ? statSync(join(root, "assets/style.css")).size : 0;
  const over: string[] = [];
  for (const file of htmlPages(root)) {
    const section = relative(root, file).split("/")[0] ?? "";
    const budget = BUDGETS[section] ?? BUDGETS[""] ?? Infinity;
    const size = statSync(file).size + css;
    if (size > budget) over.push(`${relative(root, file)}: ${size} bytes > ${budget}`);
  }
  return over;
}
