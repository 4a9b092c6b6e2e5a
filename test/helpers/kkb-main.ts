/** `kkb` from the sources, as bin/kkb.js runs it from lib/ (for spawned tests). */
import { main } from "../../src/cli/main";

void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
