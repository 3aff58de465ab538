/** A turn's error as the agent reports it. */
export interface TurnError {
  message: string;
  gateway?: string;
  status?: number;
  requestId?: string;
}

/**
 * A gateway error in two parts, printed once: the message without the raw response body (the
 * body's own message is already in it), and the details: gateway, HTTP status, request id and,
 * when the key was refused (401/403), the variable holding it.
 *
 * @param keyVariable the environment variable of a gateway's key, when it has one
 */
export function describeGatewayError(error: TurnError, keyVariable: (gateway: string) => string | undefined = () => undefined): { message: string; details: string | undefined } {
  const body = /^(.*?)\s+(\{[\s\S]*\})\s*$/.exec(error.message);
  let message = error.message;
  if (body && isJson(body[2]!) && body[1]!.trim() !== "") message = body[1]!.trim();
  const variable = error.gateway && (error.status === 401 || error.status === 403) ? keyVariable(error.gateway) : undefined;
  const details = [
    error.gateway,
    error.status !== undefined ? `HTTP ${error.status}` : undefined,
    error.requestId ? `request ${error.requestId}` : undefined,
    variable ? `the key was refused: check ${variable}` : undefined,
  ].filter(Boolean);
  return { message, details: details.length > 0 ? details.join(" · ") : undefined };
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
