/**
 * How a test operates the page: with the mouse (click, fill, pick) or with the keyboard alone (Tab to
 * the control, then Enter, Space, typing or arrow keys), so one story runs both ways.
 */
import { type Locator, type Page, expect } from '@playwright/test';

/** The three things a user does to a control. */
export interface Hands {
  /** Presses a button or follows a link. */
  press(target: Locator): Promise<void>;
  /** Replaces the text of a field. */
  fill(target: Locator, text: string): Promise<void>;
  /** Picks the option labelled `label` in a select. */
  select(target: Locator, label: string): Promise<void>;
  /** Ticks a radio button or checkbox. */
  check(target: Locator): Promise<void>;
}

/** Mouse and Playwright's own filling: the ordinary way. */
export function mouseHands(): Hands {
  return {
    press: (target) => target.click(),
    fill: (target, text) => target.fill(text),
    select: async (target, label) => void (await target.selectOption({ label })),
    check: (target) => target.check(),
  };
}

const isFocused = (target: Locator): Promise<boolean> =>
  target.evaluate((el) => el === document.activeElement);

/**
 * Presses Tab until `target` has focus — Shift+Tab when it comes before the focused element in the
 * page — at most `max` presses, as a keyboard-only user would; fails naming the control it missed.
 */
export async function tabTo(page: Page, target: Locator, max = 200): Promise<void> {
  await expect(target).toBeVisible();
  if (await isFocused(target)) return;
  const before = await target.evaluate((el) => {
    const active = document.activeElement;
    if (!active || active === document.body) return false;
    return (active.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_PRECEDING) !== 0;
  });
  const key = before ? 'Shift+Tab' : 'Tab';
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(key);
    if (await isFocused(target)) return;
  }
  throw new Error(`${max} × ${key} never reached ${target.toString()}`);
}

/** The keyboard alone: Tab to each control, then Enter, typing, arrow keys or Space. */
export function keyboardHands(page: Page): Hands {
  return {
    async press(target) {
      await tabTo(page, target);
      await page.keyboard.press('Enter');
    },
    async fill(target, text) {
      await tabTo(page, target);
      await page.keyboard.press('ControlOrMeta+A');
      if (text) await page.keyboard.type(text);
      else await page.keyboard.press('Delete');
      await expect(target).toHaveValue(text);
    },
    async select(target, label) {
      await tabTo(page, target);
      // A closed select moves its choice with the arrow keys (Chromium on Linux and Windows).
      const { from, to } = await target.evaluate(
        (el: HTMLSelectElement, wanted) => ({
          from: el.selectedIndex,
          to: Array.from(el.options).findIndex((o) => o.label === wanted),
        }),
        label,
      );
      if (to < 0) throw new Error(`no option "${label}" in ${target.toString()}`);
      for (let i = from; i !== to; i += to > from ? 1 : -1)
        await page.keyboard.press(to > from ? 'ArrowDown' : 'ArrowUp');
      await expect(target.locator('option:checked')).toHaveText(label);
    },
    async check(target) {
      const radioGroup = await target.evaluate((el: HTMLInputElement) =>
        el.type === 'radio' ? el.name : null,
      );
      if (radioGroup === null) {
        await tabTo(page, target);
        await page.keyboard.press('Space');
      } else {
        // Tab stops once per radio group, on its checked button; the arrow keys move the choice.
        await tabTo(page, page.locator(`input[type="radio"][name="${radioGroup}"]:checked`));
        for (let i = 0; i < 10 && !(await target.isChecked()); i++)
          await page.keyboard.press('ArrowDown');
      }
      await expect(target).toBeChecked();
    },
  };
}
