/** A database URL as a log line or a message may show it: its password replaced by `***`. */
export function withoutPassword(url: string): string {
	try {
		const parsed = new URL(url);
		if (parsed.password) parsed.password = '***';
		return parsed.toString();
	} catch {
		return '(a URL that cannot be read)';
	}
}
