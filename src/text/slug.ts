import slugifyLib from "slugify";
import { latinSkeleton } from "./confusables.ts";

const MAX_SLUG_LENGTH = 80;

/**
 * A slug is a safe path segment: lowercase ASCII letters, digits and single hyphens,
 * never empty, never `.` or `..`, at most 80 characters (cut at a hyphen when possible).
 * "Sûreté nationale" → "surete-nationale". The text is normalised first (NFC: a decomposed
 * "Su\u0302rete\u0301" is the same title), and look-alike letters read as the Latin ones they
 * imitate ("Pаris" with a Cyrillic « а » is "paris": see confusables.ts), so that two
 * titles that read alike get the same slug and collide instead of sharing a look.
 */
export function slugify(text: string, fallback = "sans-titre"): string {
  const base = slugifyLib
    .default(latinSkeleton(String(text).normalize("NFC")).replace(/[^\p{L}\p{N}]+/gu, " "), { lower: true, strict: true, locale: "fr", trim: true })
    .replace(/-+/g, "-")
    .replace(/^-|-$/g, "");
  const cut = base.length <= MAX_SLUG_LENGTH ? base : base.slice(0, MAX_SLUG_LENGTH).replace(/-[^-]*$/, "");
  const slug = cut.replace(/^-|-$/g, "");
  return slug || (fallback === "" ? "sans-titre" : slugify(fallback, "sans-titre"));
}
