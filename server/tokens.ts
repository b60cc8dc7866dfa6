/**
 * Access tokens. A token is `cms_` and 32 random bytes in base64url, 47 characters in all: the
 * prefix lets secret scanners and people recognise one, and keeps it from starting with a dash
 * that a command line would read as an option. The store keeps only its SHA-256 hash, beside a
 * short random id that names the token in `token list` and in the logs.
 *
 * A fast hash is enough: slow password hashes (bcrypt, scrypt) exist to make guessing a
 * low-entropy password expensive, and 256 random bits cannot be guessed at any speed. A plain
 * hash also lets the server find a token with one indexed lookup, and a stolen copy of the store
 * gives nobody a token that works.
 */
import { createHash, randomBytes } from 'node:crypto';

export const ROLES = ['editor', 'reader'] as const;
export type Role = (typeof ROLES)[number];

export interface TokenRecord {
	/** 12 hex characters, not secret: what `token list` and the logs show. */
	id: string;
	/** SHA-256 of the token, hex. */
	hash: string;
	workspace: string;
	role: Role;
	/** ISO timestamp. */
	createdAt: string;
	revokedAt?: string;
}

export const TOKEN_PREFIX = 'cms_';

export function isRole(value: string): value is Role {
	return (ROLES as readonly string[]).includes(value);
}

export function hashToken(token: string): string {
	return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** A new token and the record that stores it (the token itself is not in the record). */
export function newToken(
	workspace: string,
	role: Role,
	now = new Date()
): { token: string; record: TokenRecord } {
	const token = `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
	return {
		token,
		record: {
			id: randomBytes(6).toString('hex'),
			hash: hashToken(token),
			workspace,
			role,
			createdAt: now.toISOString()
		}
	};
}

/** A token id as `token list` prints it, told apart from a token by its shape. */
export function looksLikeTokenId(value: string): boolean {
	return /^[0-9a-f]{12}$/.test(value);
}
