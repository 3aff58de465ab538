import { packageBuild } from "../../tsup.shared.js";

// `files/cache-directory` is an entry of its own so the CLI's launcher can name the cache folder
// without loading the kernel.
export default packageBuild(["src/index.ts", "src/testing/index.ts", "src/internal/index.ts", "src/files/cache-directory.ts"]);
