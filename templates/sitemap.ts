import type { RenderData } from "../src/site/site-data.ts";
import { each, html, xmlDocumentText } from "./html.ts";

/** sitemap.xml: the absolute URL of every page. */
export function sitemap(site: RenderData): string {
  return xmlDocumentText(html`<?xml version="1.0" encoding="utf-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${each(site.sitemap, (loc) => html`
<url><loc>${loc}</loc></url>`)}
</urlset>
`);
}
