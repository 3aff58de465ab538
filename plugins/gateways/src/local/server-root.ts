/** The server root of an OpenAI-compatible base URL: the URL without its trailing `/v1`. */
export function serverRoot(baseURL: string): string {
  return baseURL.replace(/\/+$/, "").replace(/\/v1$/, "");
}
