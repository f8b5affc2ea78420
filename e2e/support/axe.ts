/** axe-core over the page as it stands: fails on serious or critical violations, attaches the full result. */
import { AxeBuilder } from '@axe-core/playwright';
import { type Page, type TestInfo, expect } from '@playwright/test';

/** Impacts that fail a test; minor and moderate ones are attached for reading, not failed on. */
const FAILING = new Set(['serious', 'critical']);

/** One violation, said in a line a reader can act on: rule, impact, where. */
function describe(v: {
  id: string;
  impact?: string | null;
  help: string;
  nodes: { target: unknown }[];
}): string {
  const where = v.nodes.map((n) => JSON.stringify(n.target)).join(', ');
  return `${v.id} (${v.impact ?? 'unknown'}): ${v.help} — ${where}`;
}

/**
 * Runs axe (WCAG 2.x A and AA plus best practices) on `page` and expects no serious or critical
 * violation; `label` names the screen in the message and the attachment.
 */
export async function expectAccessible(
  page: Page,
  label: string,
  testInfo: TestInfo,
): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  await testInfo.attach(`axe ${label}`, {
    body: JSON.stringify(results.violations, null, 2),
    contentType: 'application/json',
  });
  const failing = results.violations.filter((v) => FAILING.has(v.impact ?? ''));
  expect(failing.map(describe), `axe on ${label}`).toEqual([]);
}
