import { defaultSchema, type Schema } from "hast-util-sanitize";
import { remark } from "remark";
import remarkHtml from "remark-html";

/**
 * Our one Markdown engine. Article bodies come from many hands: remark-html sanitizes with
 * GitHub's allow-list (no scripts, no event handlers, no `javascript:` or `data:` URLs, no
 * iframes or styles), minus embedded media, so that reading an article never makes a
 * request to another site.
 */
const EMBEDS = new Set(["img", "picture", "source", "video", "audio", "input", "track"]);
const schema: Schema = { ...defaultSchema, tagNames: (defaultSchema.tagNames ?? []).filter((tag) => !EMBEDS.has(tag)) };
const processor = remark().use(remarkHtml, { sanitize: schema });

export function renderMarkdown(markdown: string): string {
  return String(processor.processSync(markdown)).trim();
}
