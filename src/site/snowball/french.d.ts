/** Snowball's French stemmer (see README.md). */
export default class FrenchStemmer {
  stemWord(word: string): string;
}
