import { foldText } from "../text/fold.ts";

/**
 * Near-duplicate texts (the same article captured twice, with other furniture or a
 * corrected typo): MinHash signatures of 5-word shingles, banded for candidate lookup
 * (locality-sensitive hashing), confirmed by the signatures' agreement. Linear in the
 * number of texts, whatever the archive's size.
 */
const SHINGLE = 5;
const HASHES = 64;
const BANDS = 16;
const ROWS = HASHES / BANDS;
export const DUPLICATE_SIMILARITY = 0.8;

export type Signature = Uint32Array;

/** 32-bit FNV-1a. */
function hash(text: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

const SEEDS = Array.from({ length: HASHES }, (_, i) => hash(String(i), 0x9e3779b9));

/** The text's words, in any script: Arabic or Persian words are words too, marks included. */
function wordsOf(text: string): string[] {
  return foldText(text).split(/[^\p{L}\p{M}\p{N}]+/u).filter(Boolean);
}

function signatureOfWords(words: readonly string[]): Signature {
  const signature = new Uint32Array(HASHES).fill(0xffffffff);
  const count = Math.max(1, words.length - SHINGLE + 1);
  for (let i = 0; i < count; i++) {
    const shingle = words.slice(i, i + SHINGLE).join(" ");
    const base = hash(shingle, 0);
    for (let k = 0; k < HASHES; k++) {
      const value = (Math.imul(base ^ (SEEDS[k] as number), 0x5bd1e995) ^ (base >>> 13)) >>> 0;
      if (value < (signature[k] as number)) signature[k] = value;
    }
  }
  return signature;
}

export function similarity(a: Signature, b: Signature): number {
  let same = 0;
  for (let k = 0; k < HASHES; k++) if (a[k] === b[k]) same++;
  return same / HASHES;
}

/** An index of known texts, queried for the one a new text nearly duplicates. */
export class DuplicateIndex<T> {
  private readonly bands = new Map<string, number[]>();
  private readonly items: { signature: Signature; value: T }[] = [];

  /** A text without a word (an image's post, a list of links) is like no other: it is not indexed. */
  add(text: string, value: T): void {
    const words = wordsOf(text);
    if (words.length === 0) return;
    const signature = signatureOfWords(words);
    const id = this.items.push({ signature, value }) - 1;
    for (const key of bandKeys(signature)) {
      const list = this.bands.get(key);
      if (list) list.push(id);
      else this.bands.set(key, [id]);
    }
  }

  find(text: string): { value: T; similarity: number } | undefined {
    const words = wordsOf(text);
    if (words.length === 0) return undefined;
    const signature = signatureOfWords(words);
    let best: { value: T; similarity: number } | undefined;
    const seen = new Set<number>();
    for (const key of bandKeys(signature)) {
      for (const id of this.bands.get(key) ?? []) {
        if (seen.has(id)) continue;
        seen.add(id);
        const item = this.items[id] as { signature: Signature; value: T };
        const score = similarity(signature, item.signature);
        if (score >= DUPLICATE_SIMILARITY && (!best || score > best.similarity)) best = { value: item.value, similarity: score };
      }
    }
    return best;
  }
}

function bandKeys(signature: Signature): string[] {
  const keys: string[] = [];
  for (let band = 0; band < BANDS; band++) keys.push(`${band}:${Array.from(signature.subarray(band * ROWS, (band + 1) * ROWS)).join(",")}`);
  return keys;
}
