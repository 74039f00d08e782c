/**
 * A function of a word remembered per word, for hot paths that see the same words again
 * and again (an archive has tens of thousands of word forms in millions of words). The
 * memory is bounded: past `limit` entries it starts over, so a huge vocabulary costs
 * recomputation, never unbounded memory.
 */
export function boundedMemo<T>(compute: (word: string) => T, limit = 200_000): (word: string) => T {
  const remembered = new Map<string, T>();
  return (word) => {
    let value = remembered.get(word);
    if (value === undefined) {
      if (remembered.size >= limit) remembered.clear();
      value = compute(word);
      remembered.set(word, value);
    }
    return value;
  };
}
