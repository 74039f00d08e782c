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
const isWordChar = (char: string | undefined) => char !== undefined && /[\p{L}\p{N}]/u.test(char);

interface Target {
  mention: string;
  link: MentionLink;
}

export function linkFirstMentions(html: string, links: readonly MentionLink[]): string {
  if (links.length === 0) return html;
  // Longest mentions first, so "Abdellatif Hammouchi" wins over "Hammouchi" at the same place.
  const targets: Target[] = links
    .flatMap((link) => link.mentions.filter((m) => m.trim().length > 1).map((mention) => ({ mention: escapeHtml(mention), link })))
    .sort((a, b) => b.mention.length - a.mention.length);
  if (targets.length === 0) return html;
  const linkable = new Set(targets.map((t) => t.link)).size;
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
    if (!text || depthInLink > 0 || depthInHeading > 0 || done.size === linkable) return chunk;
    return linkInText(text, targets, linkable, done);
  });
}

/**
 * Links, from left to right, the first whole-word mention of each actor not linked yet
 * (a later mention of a linked actor is left as text, and hides the shorter mentions in it).
 * Plain `indexOf` searches over the few mentions of one article: much faster than one
 * large alternation with Unicode look-arounds, and the same leftmost-longest result.
 */
function linkInText(text: string, targets: readonly Target[], linkable: number, done: Set<MentionLink>): string {
  let out = "";
  let from = 0;
  for (;;) {
    let best: { at: number; target: Target } | undefined;
    if (done.size === linkable) return out + text.slice(from);
    for (const target of targets) {
      // Mentions of actors already linked are still found: they cover the text they span.
      const at = wholeWordIndex(text, target.mention, from, best?.at);
      // Ties go to the earlier target in the list: the longer mention.
      if (at !== -1 && (!best || at < best.at)) best = { at, target };
    }
    if (!best) return out + text.slice(from);
    const { at, target } = best;
    const end = at + target.mention.length;
    if (done.has(target.link)) {
      out += text.slice(from, end);
      from = end;
      continue;
    }
    done.add(target.link);
    out += `${text.slice(from, at)}<a class="mention" href="${escapeHtml(target.link.url)}" title="${escapeHtml(target.link.title)}">${text.slice(at, end)}</a>`;
    from = end;
  }
}

/** The first place at or after `from` (and not after `before`) where `word` stands as a whole word, or -1. */
function wholeWordIndex(text: string, word: string, from: number, before = Number.POSITIVE_INFINITY): number {
  for (let at = text.indexOf(word, from); at !== -1 && at <= before; at = text.indexOf(word, at + 1)) {
    if (!isWordChar(text[at - 1]) && !isWordChar(text[at + word.length])) return at;
  }
  return -1;
}
