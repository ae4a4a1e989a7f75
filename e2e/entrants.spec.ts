/**
 * Entrants (issue 9): the same optimizer more than once. Two Adam entrants race side by side from a link,
 * both in the scoreboard, on the plot and in the loss chart; an entrant is added, varied and removed in
 * the Optimizers panel, each decision one history entry.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { cliStdout } from '../tests/cli/run-cli.ts';
import { markers, scoreboard, shot } from './helpers.ts';

test('two Adam entrants from a link race side by side: both in the scoreboard, on the plot and in the loss chart', async ({ page }) => {
  await page.goto('/#s=bowl&opt=adam,adam:lr=0.1');
  const rows = scoreboard(page).locator('tbody tr');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0).locator('th')).toHaveText('Adam');
  await expect(rows.nth(1).locator('th')).toHaveText('Adam lr=0.1');
  // Different learning rates, different races: the two rows differ beyond their names.
  const cells = async (i: number) => (await rows.nth(i).locator('td').allInnerTexts()).join('|');
  expect(await cells(0)).not.toBe(await cells(1));
  // One marker per entrant on the plot, each in Adam's colour, in its own shape, at its own point.
  await expect(markers(page)).toHaveCount(2);
  const marks = await markers(page).evaluateAll((ps) => ps.map((p) => ({ d: p.getAttribute('d'), fill: p.getAttribute('fill'), at: (p.parentElement as unknown as HTMLElement).style.transform })));
  expect(marks.map((m) => m.fill)).toEqual(['#0072B2', '#0072B2']);
  expect(marks[0].d).not.toBe(marks[1].d);
  expect(marks[0].at).not.toBe(marks[1].at);
  await expect(page.locator('svg.curves path[stroke="#0072B2"]')).toHaveCount(2);
  // The panel lists both Adam entrants with their own names.
  const adam = page.locator('li[data-optimizer=adam]');
  await expect(adam.getByRole('list', { name: 'Adam entrants' }).locator(':scope > li')).toHaveCount(2);
  await shot(page, 'entrants-two-adams');
});

test('an identical entrant is labelled #2; it is added, varied and removed in the panel, one history entry each', async ({ page }) => {
  await page.goto('/#s=bowl');
  const rows = scoreboard(page).locator('tbody tr');
  await expect(rows).toHaveCount(7);

  await page.getByRole('button', { name: 'Add another Adam' }).click();
  await expect(rows).toHaveCount(8);
  await expect(rows.nth(7).locator('th')).toHaveText('Adam #2');
  await expect(page).toHaveURL(/opt=sgd%2Cmomentum%2Cnag%2Cadagrad%2Cadadelta%2Crmsprop%2Cadam%2Cadam(&|$)/);

  // Its own learning rate: typed, then committed with Enter.
  await page.locator('li[data-entrant="adam#2"]').getByText('Own settings').click();
  const lr = page.getByLabel('Adam entrant 2 learning rate', { exact: true });
  await lr.fill('0.05');
  await lr.press('Enter');
  await expect(rows.nth(7).locator('th')).toHaveText('Adam lr=0.05');
  await expect(page).toHaveURL(/adam%2Cadam%3Alr%3D0\.05(&|$)/);
  // The first Adam keeps Adam's learning rate.
  await expect(rows.nth(6).locator('th')).toHaveText('Adam');

  await page.getByRole('button', { name: 'Remove Adam', exact: true }).click();
  await expect(rows).toHaveCount(7);
  await expect(rows.nth(6).locator('th')).toHaveText('Adam lr=0.05');
  await shot(page, 'entrants-added-varied-removed');

  // Back undoes each decision in turn: the removal, the learning rate, the addition.
  await page.goBack();
  await expect(rows).toHaveCount(8);
  await page.goBack();
  await expect(rows.nth(7).locator('th')).toHaveText('Adam #2');
  await page.goBack();
  await expect(rows).toHaveCount(7);
  await expect(rows.nth(6).locator('th')).toHaveText('Adam');
});

test('twelve entrants stay apart: twelve marker shapes in the scoreboard', async ({ page }) => {
  const twelve = ['sgd', 'sgd:lr=0.5', 'momentum', 'momentum:beta=0.5', 'nag', 'nag:lr=0.05', 'adagrad', 'adadelta', 'rmsprop', 'rmsprop:lr=0.1', 'adam', 'adam:lr=0.1'];
  await page.goto(`/#s=bowl&opt=${encodeURIComponent(twelve.join(','))}`);
  const rows = scoreboard(page).locator('tbody tr');
  await expect(rows).toHaveCount(12);
  const glyphs = await rows.locator('th svg path').evaluateAll((ps) => ps.map((p) => p.getAttribute('d')));
  expect(new Set(glyphs).size).toBe(12);
  await shot(page, 'entrants-twelve');
});

test('the exported SVG and the embed page draw and name both Adam entrants, as `cli render` does', async ({ page }) => {
  test.setTimeout(90_000);
  const hash = 's=bowl&opt=adam,adam:lr=0.1&k=100';
  await page.goto(`/#${hash}`);
  await expect(scoreboard(page).locator('tbody tr')).toHaveCount(2);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export SVG', exact: true }).click()]);
  const svg = readFileSync(await download.path(), 'utf8');
  expect(svg).toBe(cliStdout(['render', '--surface', 'bowl', '--optimizers', 'adam,adam:lr=0.1', '--k', '100', '--out', '-']));
  expect([...svg.matchAll(/data-entrant="([^"]*)"/g)].map((m) => m[1])).toEqual(['adam', 'adam:lr=0.1']);
  expect(svg).toContain('>Adam lr=0.1</text>');

  await page.goto(`/embed.html?controls=none#${hash}`);
  const figure = page.getByRole('img', { name: /^Elongated bowl/ });
  await expect(figure).toBeVisible();
  await expect(page.locator('g[data-entrant]')).toHaveCount(2);
  await expect(page.getByText('Adam lr=0.1', { exact: true })).toBeVisible();
});

test('several seeds: each row is the median run and says how the seeds spread; the figure draws the others faint', async ({ page }) => {
  await page.goto('/#s=saddle&noise=0.3&seed=8&seeds=5&opt=sgd,adam');
  const rows = scoreboard(page).locator('tbody tr');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0).locator('td.outcome')).toContainText(/median run; 5 seeds: /);
  await expect(page.getByLabel('Seeds per entrant')).toHaveValue('5');
  await shot(page, 'entrants-seeds');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export SVG', exact: true }).click()]);
  const svg = readFileSync(await download.path(), 'utf8');
  expect(svg.match(/<path class="f"/g)).toHaveLength(8);
  expect(svg).toBe(cliStdout(['render', '--surface', 'saddle', '--noise', '0.3', '--seed', '8', '--seeds', '5', '--optimizers', 'sgd,adam', '--out', '-']));
});

test('on linear regression an entrant takes mini-batches: set in its own settings, carried in the link as batch=', async ({ page }) => {
  await page.goto('/#s=linreg&opt=sgd,sgd');
  const rows = scoreboard(page).locator('tbody tr');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1).locator('th')).toHaveText('SGD #2');
  await page.locator('li[data-entrant="sgd#2"]').getByText('Own settings').click();
  const batch = page.getByLabel('SGD entrant 2 mini-batch size', { exact: true });
  await batch.fill('10');
  await batch.press('Enter');
  await expect(rows.nth(1).locator('th')).toHaveText('SGD, batch 10');
  await expect(page).toHaveURL(/opt=sgd%2Csgd%3Abatch%3D10(&|$)/);
  // Its loss is still the full-data loss, so the two rows differ only where the paths do.
  expect(await rows.nth(1).locator('td').nth(1).innerText()).not.toBe(await rows.nth(0).locator('td').nth(1).innerText());
  await shot(page, 'entrants-minibatch');
  // Another surface has no data: the batch size goes, the entrant stays.
  await page.getByRole('combobox', { name: 'Surface', exact: true }).selectOption('bowl');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1).locator('th')).toHaveText('SGD #2');
  await expect(page).not.toHaveURL(/batch/);
});
