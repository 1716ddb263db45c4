// Keeps secrets out of every text the client produces (error messages built from service answers).

/** Replaces every occurrence of the given secrets (non-empty ones) in a text. */
export function redact(text: string, secrets: readonly (string | undefined)[]): string {
  let out = text;
  for (const s of secrets) if (s && s.length >= 4) out = out.split(s).join('***');
  return out;
}
