/** `npm run kernel`: writes the project-local tslab kernelspec (see scripts/jupyter-env.ts). */
import { ensureKernelspec } from "./jupyter-env";

console.log(`kernelspec: ${ensureKernelspec()}`);
