import { spawn } from 'node:child_process';
import { chromium } from '@playwright/test';
import { chromiumArgs, executablePath } from './scripts/chromium.js';
const dirs = process.argv.slice(2);
const servers = dirs.map((d, i) => spawn(process.execPath, ['scripts/serve.js'], { env: { ...process.env, PORT: String(4150 + i), CAPMAP_BUILD: d }, stdio: 'ignore' }));
await new Promise((r) => setTimeout(r, 500));
const browser = await chromium.launch({ executablePath, args: chromiumArgs });
const rows: Record<string, Record<string, number[]>> = {};
for (let run = 0; run < Number(process.env.N ?? 11); run++) for (const [i, d] of dirs.entries()) {
  const ctx = await browser.newContext(); const page = await ctx.newPage();
  await page.goto(`http://127.0.0.1:${4150 + i}/`, { waitUntil: 'load' });
  await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0);
  const r = await page.evaluate(() => {
    const res = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    const n1 = res.find((e) => /nodes\/1\./.test(e.name))!;
    const route = res.filter((e) => /nodes\/[23]\./.test(e.name)).at(-1)!;
    const initial = res.filter((e) => e.startTime < n1.startTime && e.name.endsWith('.js'));
    return { html: nav.responseEnd, domInteractive: nav.domInteractive, scripts: Math.max(...initial.map((e) => e.responseEnd)), css: Math.max(0, ...res.filter((e) => e.name.endsWith('.css') && e.startTime < n1.startTime).map((e) => e.responseEnd)), node1: n1.startTime, route: route.responseEnd, fcp: performance.getEntriesByName('first-contentful-paint')[0].startTime };
  });
  for (const [k, v] of Object.entries(r)) ((rows[d] ??= {})[k] ??= []).push(v);
  await ctx.close();
}
const med = (a: number[]) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
for (const d of dirs) console.log(d.padEnd(24), Object.entries(rows[d]).map(([k, v]) => `${k} ${med(v).toFixed(0)}`).join('  '));
await browser.close(); for (const s of servers) s.kill();
