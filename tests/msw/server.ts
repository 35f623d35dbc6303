import { setupServer } from "msw/node";

/** One interceptor for the test process; tests add handlers with `mswServer.use(...)` from tests/msw/*. */
export const mswServer = setupServer();
