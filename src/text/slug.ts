import slugifyLib from "slugify";

const MAX_SLUG_LENGTH = 80;

/**
 * A slug is a safe path segment: lowercase ASCII letters, digits and single hyphens,
 * never empty, never `.` or `..`, at most 80 characters (cut at a hyphen when possible).
 * "Sûreté nationale" → "surete-nationale".
 */
export function slugify(text: string, fallback = "sans-titre"): string {
  const base = slugifyLib
    .default(String(text).replace(/[^\p{L}\p{N}]+/gu, " "), { lower: true, strict: true, locale: "fr", trim: true })
    .replace(/-+/g, "-")
    .replace(/^-|-$/g, "");
  const cut = base.length <= MAX_SLUG_LENGTH ? base : base.slice(0, MAX_SLUG_LENGTH).replace(/-[^-]*$/, "");
  const slug = cut.replace(/^-|-$/g, "");
  return slug || (fallback === "" ? "sans-titre" : slugify(fallback, "sans-titre"));
}
