import type { DiagnosticParams } from "../model/diagnostic.ts";

/**
 * The shape of one text of the diagnostics' catalogue (./diagnostics.ts and the files it
 * merges, one per layer), in a module of its own so that those files can share it without
 * importing the catalogue they are part of.
 */
export interface DiagnosticText {
  message: string;
  fix?: string;
}

export type Render<P> = (p: P) => DiagnosticText;
export interface Entry<P> {
  en: Render<P>;
  fr: Render<P>;
}
export const entry = <P extends DiagnosticParams>(en: Render<P>, fr: Render<P>): Entry<P> => ({ en, fr });

export const list = (items: readonly string[]) => items.join(", ");
