import { existsSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { walkFiles } from "../../src/build/walk.ts";

export interface BrokenLink {
  page: string;
  href: string;
}

/**
 * Every internal link (href, src) of every HTML page in a built site that does not lead to
 * a file. `prefix` is the path prefix the site is built for.
 */
export function brokenLinks(root: string, prefix = "/"): BrokenLink[] {
  const broken: BrokenLink[] = [];
  for (const file of walkFiles(root).filter((f) => f.endsWith(".html"))) {
    const html = readFileSync(file, "utf8");
    const pageUrl = `/${relative(root, file).replace(/index\.html$/, "")}`;
    for (const match of html.matchAll(/\s(?:href|src)="([^"]*)"/g)) {
      const href = (match[1] ?? "").replace(/&amp;/g, "&");
      if (/^(https?:|mailto:|data:|#|\/\/)/.test(href) || href === "") continue;
      const path = new URL(href, `http://site${prefix}${pageUrl.slice(1)}`).pathname;
      if (!path.startsWith(prefix)) {
        broken.push({ page: relative(root, file), href });
        continue;
      }
      const target = join(root, decodeURIComponent(path.slice(prefix.length)));
      const exists = existsSync(target) && (statSync(target).isFile() || existsSync(join(target, "index.html")));
      if (!exists) broken.push({ page: relative(root, file), href });
    }
  }
  return broken;
}
