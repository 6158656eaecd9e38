// The pathway map with the keyboard alone: Tab enters it, arrows follow the edges, Enter opens
// the detail; the list view is one toggle away.
import { test, expect } from '@playwright/test';
import { shot, ARTIFACTS, demoUrl, waitForWidget, watchForProblems, widget } from './widget-helpers.mjs';

/** The data-id of the focused element inside the widget's shadow root. */
async function focusedNode(page) {
  return page.evaluate(() => {
    const host = document.querySelector('stackway-pathways');
    return host?.shadowRoot?.activeElement?.getAttribute('data-id') ?? null;
  });
}

test('keyboard walk through the map', async ({ page }) => {
  const problems = await watchForProblems(page);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(demoUrl({ view: 'map' }));
  await waitForWidget(page);
  const root = widget(page);
  await expect(root.locator('.sw-node')).toHaveCount(13);

  // Tab from the zoom buttons into the map: exactly one node is in the tab order.
  await root.getByRole('button', { name: 'Fit' }).focus();
  await page.keyboard.press('Tab');
  const first = await focusedNode(page);
  expect(first).toBe('data-basics');
  await expect(root.locator('.sw-node[tabindex="0"]')).toHaveCount(1);

  // Right follows an edge to something data-basics counts toward or opens.
  await page.keyboard.press('ArrowRight');
  const second = await focusedNode(page);
  expect(['data-certificate', 'data-visualisation', 'sql']).toContain(second);
  // Its neighbours are highlighted.
  await expect(root.locator('.sw-node.sw-neighbour').first()).toBeVisible();
  // Left comes back along an edge.
  await page.keyboard.press('ArrowLeft');
  expect(await focusedNode(page)).toBe('data-basics');
  // Down moves along the column.
  await page.keyboard.press('ArrowDown');
  const third = await focusedNode(page);
  expect(third).not.toBe('data-basics');
  expect(third).not.toBeNull();

  await shot(page, `map-keyboard-en-1280`);
  await page.keyboard.press('Enter');
  await expect(root.locator('.sw-detail h3')).toBeFocused();

  // The list view shows the same graph as text.
  await root.getByRole('button', { name: 'Show as a list' }).click();
  await expect(root.locator('.sw-graph-list')).toContainText('Counts toward: Certificate in Data Analysis');
  expect(await problems()).toEqual([]);
});
