import { spawnSync } from 'node:child_process';
import {
	existsSync,
	lstatSync,
	readdirSync,
	readFileSync,
	statSync,
	symlinkSync,
	writeFileSync,
	mkdirSync,
	chmodSync
} from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { staleTemporaries, temporaryPath, writeFileAtomic } from './atomic-write';
import { tempFolder, removeTempFolders } from './test-support';

afterAll(removeTempFolders);

/** Faults to inject into node:fs, one call at a time. */
const fault = vi.hoisted(() => ({ write: false, fsync: false, rename: false }));
vi.mock('node:fs', async (importOriginal) => {
	const fs = await importOriginal<typeof import('node:fs')>();
	const fail = (code: string) => Object.assign(new Error(code), { code });
	return {
		...fs,
		// A disk that fills up half-way through the text.
		writeFileSync: ((file: Parameters<typeof fs.writeFileSync>[0], data: string) => {
			if (fault.write && typeof file === 'number') {
				fs.writeSync(file, data.slice(0, data.length >> 1));
				throw fail('ENOSPC');
			}
			return fs.writeFileSync(file, data);
		}) as typeof fs.writeFileSync,
		fsyncSync: ((fd: number) => {
			if (fault.fsync) throw fail('EIO');
			return fs.fsyncSync(fd);
		}) as typeof fs.fsyncSync,
		renameSync: ((from: string, to: string) => {
			if (fault.rename) throw fail('EXDEV');
			return fs.renameSync(from, to);
		}) as typeof fs.renameSync
	};
});

beforeEach(() => Object.assign(fault, { write: false, fsync: false, rename: false }));

const others = (folder: string, name: string) => readdirSync(folder).filter((f) => f !== name);

describe('writeFileAtomic', () => {
	it('creates a file, and replaces one, leaving nothing else beside it', () => {
		const folder = tempFolder();
		const target = join(folder, 'ws.json');
		writeFileAtomic(target, 'first\n');
		expect(readFileSync(target, 'utf8')).toBe('first\n');
		writeFileAtomic(target, 'second\n');
		expect(readFileSync(target, 'utf8')).toBe('second\n');
		expect(others(folder, 'ws.json')).toEqual([]);
	});

	it.each(['write', 'fsync', 'rename'] as const)(
		'leaves the old file byte for byte when the %s fails, and no temporary file',
		(step) => {
			const folder = tempFolder();
			const target = join(folder, 'ws.json');
			const old = Buffer.from('{"old": "bytes ✓"}\n');
			writeFileSync(target, old);
			fault[step] = true;
			expect(() => writeFileAtomic(target, '{"new": "text"}\n'.repeat(1000))).toThrow();
			expect(readFileSync(target)).toEqual(old);
			expect(others(folder, 'ws.json')).toEqual([]);
		}
	);

	it('leaves the old file when the target cannot be replaced (a folder in its place)', () => {
		const folder = tempFolder();
		mkdirSync(join(folder, 'ws.json'));
		expect(() => writeFileAtomic(join(folder, 'ws.json'), 'x')).toThrow();
		expect(statSync(join(folder, 'ws.json')).isDirectory()).toBe(true);
		expect(others(folder, 'ws.json')).toEqual([]);
	});

	it('keeps the permissions of the file it replaces', () => {
		const target = join(tempFolder(), 'ws.json');
		writeFileSync(target, 'old');
		chmodSync(target, 0o640);
		writeFileAtomic(target, 'new');
		expect(statSync(target).mode & 0o777).toBe(0o640);
	});

	it('writes through a symbolic link, keeping the link', () => {
		const folder = tempFolder();
		const real = join(folder, 'real.json');
		const link = join(folder, 'link.json');
		writeFileSync(real, 'old');
		symlinkSync(real, link);
		writeFileAtomic(link, 'new');
		expect(lstatSync(link).isSymbolicLink()).toBe(true);
		expect(readFileSync(real, 'utf8')).toBe('new');
	});

	it('names its temporary files so they are recognised, and removes those of dead runs', () => {
		const folder = tempFolder();
		const target = join(folder, 'ws.json');
		expect(temporaryPath(target)).toMatch(
			new RegExp(`/\\.ws\\.json\\.capmap-${process.pid}-[0-9a-f]{8}\\.tmp$`)
		);
		// A process that has ended, as a killed run has.
		const gone = spawnSync(process.execPath, ['-e', '0']).pid!;
		const stale = join(folder, `.ws.json.capmap-${gone}-0123abcd.tmp`);
		const running = join(folder, `.ws.json.capmap-${process.ppid}-0123abcd.tmp`);
		const otherTarget = join(folder, `.other.json.capmap-${gone}-0123abcd.tmp`);
		for (const path of [stale, running, otherTarget]) writeFileSync(path, 'partial');
		expect(staleTemporaries(target)).toEqual([stale]);
		writeFileAtomic(target, 'text');
		expect(existsSync(stale)).toBe(false);
		// A run still going, and another target's leftovers, are not ours to remove.
		expect(existsSync(running)).toBe(true);
		expect(existsSync(otherTarget)).toBe(true);
	});
});
