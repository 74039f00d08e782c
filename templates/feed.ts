import type { FeedView, SiteShared } from "../src/site/site-data.ts";
import { each, html, xmlDocumentText } from "./html.ts";

/** An Atom feed: the site's latest articles, or an actor's or a topic's. */
export function atomFeed(site: SiteShared, feed: FeedView): string {
  return xmlDocumentText(html`<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${site.strings.lang}">
<title>${feed.title}</title>
<id>${feed.id}</id>
<link rel="self" type="application/atom+xml" href="${feed.selfUrl}"/>
<link rel="alternate" type="text/html" href="${feed.alternateUrl}"/>
<updated>${feed.updated}</updated>
<author><name>${site.config.title}</name></author>${each(feed.entries, (entry) => html`
<entry>
<title>${entry.title}</title>
<id>${entry.url}</id>
<link rel="alternate" type="text/html" href="${entry.url}"/>
<updated>${entry.updated}</updated>${
    entry.published ? html`
<published>${entry.published}</published>` : null
  }${
    entry.outlet ? html`
<source><title>${entry.outlet}</title></source>` : null
  }
<summary>${entry.summary}</summary>
</entry>`)}
</feed>
`);
}
