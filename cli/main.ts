/** The `capmap` program: wires the command line to the process. */
import { run } from './capmap';

run(process.argv.slice(2), {
	out: (text) => process.stdout.write(`${text}\n`),
	err: (text) => process.stderr.write(`${text}\n`)
}).then(
	(code) => {
		process.exitCode = code;
	},
	(error: unknown) => {
		process.stderr.write(`capmap: ${error instanceof Error ? error.message : String(error)}\n`);
		process.exitCode = 1;
	}
);
