// Temporary stand-in until the HTML reader lands.
import type { SourceDoc } from "./source-doc.ts";
export function readHtml(raw: string, path: string, options: { url?: string } = {}): SourceDoc {
  const text = raw.replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/gi, "").replace(/<[^>]+>/g, "\n");
  return { path, format: "html", frontMatter: {}, frontMatterLines: {}, bodyLine: 1, text, meta: { ...(options.url ? { url: options.url } : {}), evidence: {} } };
}
