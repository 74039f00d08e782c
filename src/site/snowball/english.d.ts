/** Snowball's English stemmer (see README.md). */
export default class EnglishStemmer {
  stemWord(word: string): string;
}
