/** Stands for the host backend, which mints the widget session with its secret key (the demo server does it). */
export async function mintClientSecret(): Promise<string> {
  const response = await fetch('/demo/session', { method: 'POST' });
  if (!response.ok) throw new Error(`Could not start a widget session (${response.status})`);
  return ((await response.json()) as { client_secret: string }).client_secret;
}
