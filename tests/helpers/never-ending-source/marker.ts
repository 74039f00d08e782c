/** What a source holds to be never done extracting under the stand-in record building (./build-article.ts). */
export const NEVER_ENDS = "stand-in: this source never finishes extracting";
