// The smallest SvelteKit single-page app: the yardstick for Capmap's welcome page in `npm run bench`.
import adapter from '@sveltejs/adapter-static';

export default { kit: { adapter: adapter({ pages: 'build', fallback: 'index.html' }) } };
