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
  return renderPlainParagraphs(markdown) ?? String(processor.processSync(markdown)).trim();
}

/**
 * Most article bodies are plain paragraphs: for them the HTML is known without parsing
 * (the same bytes remark-html writes, a property test checks it), which makes a large
 * archive's first build several times faster. Anything with Markdown or HTML syntax in it,
 * or whitespace that Markdown reads, goes through remark.
 */
const SYNTAX = /[\\`*_[\]<>&!#|~{}]|^[ \t]|[ \t]$|^[-+=]|^\d+[.)]|^$/m;

export function renderPlainParagraphs(markdown: string): string | undefined {
  const paragraphs = markdown.trim().split(/\n[ \t]*\n+/);
  const html: string[] = [];
  for (const paragraph of paragraphs) {
    if (paragraph === "" || SYNTAX.test(paragraph)) return undefined;
    html.push(`<p>${paragraph}</p>`);
  }
  return html.join("\n");
}
