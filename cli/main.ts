/** The `capmap` program: wires the command line to the process. */
import { oneLine } from '../src/lib/domain/one-line';
import { run } from './capmap';

// A reader that stops early (`capmap readiness … | head -1`) closes the pipe: that is no error of
// ours, and never a stack trace. Files are written atomically, so leaving now loses nothing.
for (const stream of [process.stdout, process.stderr])
	stream.on('error', (error: NodeJS.ErrnoException) => {
		process.exit(error.code === 'EPIPE' ? (process.exitCode ?? 0) : 1);
	});

run(process.argv.slice(2), {
	out: (text) => process.stdout.write(`${text}\n`),
	err: (text) => process.stderr.write(`${text}\n`)
}).then(
	(code) => {
		process.exitCode = code;
	},
	(error: unknown) => {
		process.stderr.write(
			`capmap: ${oneLine(error instanceof Error ? error.message : String(error))}\n`
		);
		process.exitCode = 1;
	}
);
