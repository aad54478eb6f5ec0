/**
 * A Slack Web API failure in one short log field: what failed and why, down
 * the chain of causes (WebAPIRequestError → fetch failed → connect
 * ECONNREFUSED), without the stack traces, which for a network failure only
 * show the SDK's own frames.
 */
export function describeSlackError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: String(error) };
  const messages: string[] = [];
  let code: string | undefined;
  // The SDK keeps the underlying error in `original`, fetch in `cause`.
  let e: unknown = error;
  for (let depth = 0; e instanceof Error && depth < 5; depth += 1) {
    const { message } = e;
    if (!messages.some((m) => m.includes(message))) messages.push(message);
    const own = (e as { code?: unknown }).code;
    if (typeof own === 'string' && !own.startsWith('slack_')) code = own;
    e = (e as { original?: unknown }).original ?? e.cause;
  }
  const data = (error as { data?: { error?: unknown } }).data;
  return {
    name: error.name,
    message: messages.join(': '),
    ...(code ? { code } : {}),
    ...(typeof data?.error === 'string' ? { slackError: data.error } : {}),
  };
}
