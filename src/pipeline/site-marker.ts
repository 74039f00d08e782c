/**
 * The file Revue leaves in every site it makes: a build replaces only a folder that carries
 * it (see output-policy.ts). It holds no path of the builder's machine: the site is
 * published, and two builds of the same content on two machines must be byte-identical.
 */
export const SITE_MARKER = ".revue-site";

/** The marker's text. */
export function siteMarkerText(): string {
  return `${JSON.stringify({ generator: "revue", about: "Made by Revue (npm run build); Revue replaces this folder at each build." })}\n`;
}

/** Whether a file's text is a marker Revue wrote (a file of that name with anything else in it is not). */
export function isSiteMarker(text: string): boolean {
  try {
    const value = JSON.parse(text) as unknown;
    return typeof value === "object" && value !== null && (value as { generator?: unknown }).generator === "revue";
  } catch {
    return false;
  }
}
