/**
 * `unknown command 'modles'; did you mean 'models'?`: the error for a word that names no
 * command, with the close names. The suggestion code is loaded only when the error happens.
 */
export async function unknownCommandMessage(typed: string, names: readonly string[]): Promise<string> {
  const { didYouMean } = await import("@bridle/core");
  const hint = didYouMean(typed, names, (name) => `'${name}'`);
  return `error: unknown command '${typed}'${hint ? `; ${hint}` : ""}`;
}
