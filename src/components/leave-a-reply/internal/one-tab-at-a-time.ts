/**
 * One tab at a time sends a given comment. The post's id (kept with the draft, so every tab that
 * restored the draft knows it) names a Web Lock, held until the store has settled the post, which
 * for a post queued offline may be minutes. Another tab that is asked to send it meanwhile waits
 * for the lock instead of sending too, and `send` is then told it waited (to ask whether the other
 * tab's post landed). Without Web Locks the id alone keeps the server at one copy: a second create
 * of the same id is read as "already posted".
 */
export async function oneTabAtATime(
  id: string,
  send: (waitedForAnotherTab: boolean) => Promise<void>,
  onWait: () => void,
): Promise<void> {
  const locks = typeof navigator === 'object' ? navigator.locks : undefined;
  if (!locks) return send(false);
  const name = `leave-a-reply:post:${id}`;
  const sent = await locks.request(name, {ifAvailable: true}, async (lock) => {
    if (!lock) return false;
    await send(false);
    return true;
  });
  if (sent) return;
  onWait();
  await locks.request(name, () => send(true));
}
