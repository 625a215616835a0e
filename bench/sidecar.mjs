// Starts Spotlight's sidecar (@spotlightjs/sidecar 2.5.0 with hono 4.10.3) on $SIDECAR_PORT for
// run_receiver_bench.sh; prints "listening PORT" once it accepts envelopes on /api/1/envelope/.
import { setupSidecar } from "@spotlightjs/sidecar";

const port = Number(process.env.SIDECAR_PORT);
const logger = { info() {}, warn() {}, error: console.error, debug() {} };
await setupSidecar({ port, logger, isStandalone: true });
console.log(`listening ${port}`);
