/**
 * Links the first mention of each actor in an article's HTML to the actor's page.
 * Works on text between tags only, never inside an existing link, a heading or an
 * attribute, so the sanitized HTML stays valid.
 */
export interface MentionLink {
  /** Surface forms as found in the text ("A. Hammouchi", "DGST"). */
  mentions: readonly string[];
  url: string;
  /** Accessible name of the link target when it differs from the text. */
  title: string;
}

const escapeHtml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

export function linkFirstMentions(html: string, links: readonly MentionLink[]): string {
  if (links.length === 0) return html;
  // Longest mentions first, so "Abdellatif Hammouchi" wins over "Hammouchi".
  const targets = links
    .flatMap((link) => link.mentions.filter((m) => m.trim().length > 1).map((mention) => ({ mention: escapeHtml(mention), link })))
    .sort((a, b) => b.mention.length - a.mention.length);
  if (targets.length === 0) return html;
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(${targets.map((t) => escapeRegex(t.mention)).join("|")})(?![\\p{L}\\p{N}])`, "gu");
  const byMention = new Map(targets.map((t) => [t.mention, t.link]));
  const done = new Set<MentionLink>();
  let depthInLink = 0;
  let depthInHeading = 0;
  return html.replace(/(<[^>]*>)|([^<]+)/g, (chunk, tag: string | undefined, text: string | undefined) => {
    if (tag) {
      if (/^<a[\s>]/i.test(tag)) depthInLink++;
      else if (/^<\/a>/i.test(tag)) depthInLink = Math.max(0, depthInLink - 1);
      else if (/^<h[1-6][\s>]/i.test(tag)) depthInHeading++;
      else if (/^<\/h[1-6]>/i.test(tag)) depthInHeading = Math.max(0, depthInHeading - 1);
      return tag;
    }
    if (!text || depthInLink > 0 || depthInHeading > 0 || done.size === links.length) return chunk;
    return text.replace(pattern, (match: string) => {
      const link = byMention.get(match);
      if (!link || done.has(link)) return match;
      done.add(link);
      return `<a class="mention" href="${escapeHtml(link.url)}" title="${escapeHtml(link.title)}">${match}</a>`;
    });
  });
}
