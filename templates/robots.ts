import type { SiteShared } from "../src/site/site-data.ts";

/** robots.txt: everything may be crawled; where the sitemap is. */
export function robots(site: SiteShared): string {
  return `User-agent: *
Allow: /
Sitemap: ${site.config.baseUrl}${site.config.pathPrefix}sitemap.xml
`;
}
