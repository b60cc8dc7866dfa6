/**
 * Runs before anything else in the browser. Our Content-Security-Policy forbids eval, and zod
 * would otherwise probe for it on its first parse (the browser reports the blocked probe as a
 * policy violation). Its interpreter is plenty fast for forms and imports.
 */
import { z } from 'zod';

z.config({ jitless: true });
