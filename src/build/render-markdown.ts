import { remark } from "remark";
import remarkHtml from "remark-html";

/**
 * Our one Markdown engine. remark-html sanitizes by default (GitHub's allow-list): no
 * scripts, no event handlers, no `javascript:` URLs reach a reader's browser.
 */
const processor = remark().use(remarkHtml, { sanitize: true });

export function renderMarkdown(markdown: string): string {
  return String(processor.processSync(markdown)).trim();
}
