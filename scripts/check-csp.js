#!/usr/bin/env node
/**
 * Build check: the SPA fallback page must carry our Content-Security-Policy, the second wall
 * behind the sanitiser (src/lib/markdown/render.ts): should markup ever slip through, no inline
 * script, eval, plugin, frame, outside stylesheet or outside image could run or load. Fails the
 * build (exit 1) when the policy or one of its key rules is missing, or when a rule is widened.
 */
import { readFileSync } from 'node:fs';

const page = readFileSync('build/index.html', 'utf8');
const match = /<meta http-equiv="content-security-policy" content="([^"]+)"/i.exec(page);
const missing = [];
if (!match) missing.push('the <meta http-equiv="content-security-policy"> tag');
else {
	const policy = match[1].replace(/&#39;|&apos;/g, "'");
	/** Each directive's sources, by name. */
	const directives = new Map(
		policy
			.split(';')
			.map((d) => d.trim().split(/\s+/))
			.filter((parts) => parts[0])
			.map(([name, ...sources]) => [name.toLowerCase(), sources])
	);
	for (const rule of [
		"default-src 'self'",
		"script-src 'self'",
		"object-src 'none'",
		"connect-src 'self'",
		"frame-src 'none'",
		"base-uri 'self'",
		"form-action 'self'"
	]) {
		const [name, source] = rule.split(' ');
		if (!directives.get(name)?.includes(source)) missing.push(`the rule ${rule}`);
	}
	// Nothing may widen what runs or loads: no inline script or eval, and no source outside the
	// app for scripts, styles, images or fonts (an outside image in a brief would be a tracking
	// pixel; only the app's own files, data: and blob: images are allowed).
	const script = directives.get('script-src') ?? [];
	for (const bad of ["'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", "'wasm-unsafe-eval'"])
		if (script.includes(bad)) missing.push(`a script-src without ${bad}`);
	const outside = /^(?:\*|https?:|wss?:|\/\/|[a-z0-9-]+\.[a-z])/i;
	for (const name of [
		'default-src',
		'script-src',
		'style-src',
		'img-src',
		'font-src',
		'connect-src',
		'worker-src'
	])
		for (const source of directives.get(name) ?? [])
			if (outside.test(source) || (source === 'data:' && name !== 'img-src'))
				missing.push(`a ${name} without ${source}`);
}
if (missing.length > 0) {
	console.error(`build/index.html lacks ${missing.join(', ')}`);
	process.exit(1);
}
console.log('CSP present on the fallback page.');
