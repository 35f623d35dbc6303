// `npm run build`: the production build, stamped so `npm start` knows it is current.
import { StartupError } from "@/lib/config/startup-error";
import { build } from "@/lib/runtime/build";

try {
  build();
} catch (err) {
  console.error(err instanceof StartupError ? `faultline: ${err.message}` : err);
  process.exit(1);
}
