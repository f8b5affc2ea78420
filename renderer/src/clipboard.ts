/** Copying to the clipboard, with a way to tell the caller to show the text for copying by hand. */

/**
 * Copies `text` with the async clipboard. False when there is none or it is refused (no permission,
 * an insecure page, the app's permission policy): the caller then shows the text, selected, instead.
 */
export async function copyText(
  text: string,
  clipboard: Pick<Clipboard, 'writeText'> | undefined = globalThis.navigator?.clipboard,
): Promise<boolean> {
  if (!clipboard?.writeText) return false;
  try {
    await clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
