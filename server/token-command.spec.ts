import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeTempFolders, tempFolder } from '../cli/test-support';
import { SQLITE_FILE } from './sqlite-store';
import { sync, syncInProcess as run } from './test-support';
import { hashToken } from './tokens';

afterAll(removeTempFolders);

const TOKEN = /^cms_[A-Za-z0-9_-]{43}$/;
const lastLine = (text: string) => text.trimEnd().split('\n').at(-1)!;
const today = new Date().toISOString().slice(0, 10);

describe('npm run sync -- token', () => {
	it('creates a token, printed alone on the last line and stored only as its hash', () => {
		const data = tempFolder();
		// The real command, once: the token must be the process's last line of output.
		const created = sync(
			'token',
			'create',
			'--workspace',
			'ws-1',
			'--role',
			'editor',
			'--data',
			data
		);
		expect(created.status).toBe(0);
		const token = lastLine(created.stdout);
		expect(token).toMatch(TOKEN);
		const file = readFileSync(join(data, SQLITE_FILE)).toString('latin1');
		expect(file).not.toContain(token);
		expect(file).toContain(hashToken(token));
	});

	it('lists workspace, role, creation date and id, never the token', async () => {
		const data = tempFolder();
		const editor = lastLine(
			(await run('token', 'create', '--workspace', 'ws-1', '--role', 'editor', '--data', data))
				.stdout
		);
		const reader = lastLine(
			(await run('token', 'create', '--workspace', 'ws-2', '--role', 'reader', '--data', data))
				.stdout
		);
		const listed = await run('token', 'list', '--data', data);
		expect(listed.status).toBe(0);
		expect(listed.stdout).not.toContain(editor);
		expect(listed.stdout).not.toContain(reader);
		const rows = listed.stdout.trim().split('\n').slice(2);
		expect(rows).toHaveLength(2);
		expect(rows[0]).toMatch(new RegExp(`^[0-9a-f]{12}  ws-1 +editor  ${today} \\d\\d:\\d\\d  -$`));
		expect(rows[1]).toMatch(new RegExp(`^[0-9a-f]{12}  ws-2 +reader  ${today} \\d\\d:\\d\\d  -$`));
		const one = await run('token', 'list', '--workspace', 'ws-2', '--data', data);
		expect(one.stdout.trim().split('\n').slice(2)).toEqual([rows[1]]);
	});

	it('revokes by the token or by its id, once', async () => {
		const data = tempFolder();
		const create = (workspace: string) =>
			run('token', 'create', '--workspace', workspace, '--role', 'editor', '--data', data);
		const first = lastLine((await create('ws-1')).stdout);
		await create('ws-2');
		const rows = () =>
			run('token', 'list', '--data', data).then((r) => r.stdout.trim().split('\n').slice(2));
		const secondId = (await rows())[1]!.slice(0, 12);

		expect((await run('token', 'revoke', first, '--data', data)).status).toBe(0);
		const byId = await run('token', 'revoke', secondId, '--data', data);
		expect(byId.stdout).toContain(`Revoked token ${secondId}`);
		for (const row of await rows()) expect(row).toMatch(new RegExp(`  ${today} \\d\\d:\\d\\d$`));
		const again = await run('token', 'revoke', first, '--data', data);
		expect(again.status).toBe(0);
		expect(again.stdout).toContain(`was already revoked on ${today}`);
	});

	it('refuses bad arguments with one line and exit status 2, an unknown token with 1', async () => {
		const data = tempFolder();
		const noRole = await run('token', 'create', '--workspace', 'ws-1', '--data', data);
		expect(noRole.status).toBe(2);
		expect(noRole.stderr).toContain('needs --role editor or --role reader');
		const badRole = await run('token', 'create', '--workspace', 'ws-1', '--role', 'admin');
		expect(badRole.stderr).toContain('--role must be editor or reader, not "admin"');
		const badWorkspace = await run('token', 'create', '--workspace', '../etc', '--role', 'reader');
		expect(badWorkspace.status).toBe(2);
		expect(badWorkspace.stderr).toContain('"../etc" is not a workspace id');
		const both = await run('token', 'list', '--data', data, '--postgres', 'postgres://x/y');
		expect(both.stderr).toContain('give --data or --postgres, not both');
		const unknown = await run('token', 'revoke', 'cms_nothing', '--data', data);
		expect(unknown.status).toBe(1);
		expect(unknown.stderr).toContain('no such token');
	});
});
