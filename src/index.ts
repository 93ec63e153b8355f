/** Entry: the runner starts this file for `main` and again for `post`; the post run is told apart by saved state. */
import { run, runPost } from './main.ts'

if (process.env['STATE_isPost'] === 'true') await runPost()
else await run()
