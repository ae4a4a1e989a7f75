/**
 * CLI entry (`npm run --silent cli -- SUBCOMMAND ...`): a table of subcommands, each a module loaded on
 * demand that exports a function (argv) → exit code. To add one, add one line to COMMANDS.
 * A UsageError anywhere prints one line and exits 2; any other error prints its message and exits 1.
 */
import { isMainThread, workerData } from 'node:worker_threads';
import { UsageError } from './args.ts';
import { isMapPart } from './map-workers.ts';

type Command = (argv: readonly string[]) => number | Promise<number>;

const COMMANDS: Readonly<Record<string, { summary: string; load: () => Promise<Command> }>> = {
  race: { summary: 'race optimizers on a surface or an expression', load: async () => (await import('./race.ts')).raceCommand },
  render: { summary: 'render a race figure to SVG or PNG', load: async () => (await import('./render.ts')).renderCommand },
  sweep: { summary: 'sweep each entrant\'s learning rate on a log grid', load: async () => (await import('./sweep.ts')).sweepCommand },
  map: { summary: 'map where each entrant gets to from every start of a grid', load: async () => (await import('./map.ts')).mapCommand },
  mnist: { summary: 'train the MLP on MNIST with each optimizer, fairly', load: async () => (await import('./mnist.ts')).mnistCommand },
  landscape: { summary: 'draw the loss landscape of an MNIST race: a plane with every path, and the line from θ₀', load: async () => (await import('./landscape.ts')).landscapeCommand },
};

function usage(): string {
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(8)} ${c.summary}`);
  return `usage: npm run --silent cli -- <command> [options]   (--help after a command for its options)\n${lines.join('\n')}`;
}

async function main(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    process.stderr.write(`${usage()}\n`);
    return 2;
  }
  if (name === '--help' || name === '-h') {
    process.stdout.write(`${usage()}\n`);
    return 0;
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) {
    process.stderr.write(`error: unknown command ${JSON.stringify(name)} (commands: ${Object.keys(COMMANDS).join(', ')})\n`);
    return 2;
  }
  try {
    return await (await command.load())(rest);
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`error: ${name}: ${err.message}\n`);
      return 2;
    }
    process.stderr.write(`error: ${name}: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
}

// A closed pipe (`cli race --json | head`) is the reader's choice, not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

// `cli map` runs big maps on worker threads of this same script (map-workers.ts).
if (!isMainThread && isMapPart(workerData)) (await import('./map.ts')).runMapPart(workerData);
else process.exitCode = await main(process.argv.slice(2));
