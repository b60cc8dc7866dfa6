#!/usr/bin/env node
/**
 * Build check: the SPA fallback page must carry our Content-Security-Policy, or a sanitiser slip
 * could become script. Fails the build (exit 1) when the policy or one of its key rules is missing.
 */
import { readFileSync } from 'node:fs';

const page = readFileSync('build/index.html', 'utf8');
const match = /<meta http-equiv="content-security-policy" content="([^"]+)"/i.exec(page);
const missing = [];
if (!match) missing.push('the <meta http-equiv="content-security-policy"> tag');
else {
	const policy = match[1];
	for (const rule of [
		"script-src 'self'",
		"object-src 'none'",
		"default-src 'self'",
		"connect-src 'self'",
		"frame-src 'none'"
	])
		if (!policy.includes(rule)) missing.push(`the rule ${rule}`);
	if (/script-src[^;]*'unsafe-inline'/.test(policy))
		missing.push("a script-src without 'unsafe-inline'");
}
if (missing.length > 0) {
	console.error(`build/index.html lacks ${missing.join(', ')}`);
	process.exit(1);
}
console.log('CSP present on the fallback page.');
