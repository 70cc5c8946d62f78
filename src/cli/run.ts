import { VERSION } from '../version.js';
import { commands } from './commands/index.js';
import { escapeTerminalText } from '../report/format/escapeTerminal.js';
import { EXIT, OutputError, UsageError, type CliIo } from './io.js';
import { registerMessages } from '../report/locales.js';

const HELP = (): string =>
  [
    `dangan ${VERSION} — 档案标准工具 / Chinese archival standards toolkit`,
    '',
    'Usage: dangan <command> [options]',
    '',
    'Commands:',
    ...Object.entries(commands).map(([name, c]) => `  ${name.padEnd(12)} ${c.summary}`),
    '',
    'Options: --help, --version',
    'Exit codes: 0 valid, 1 invalid, 2 usage error or unreadable input',
    '',
  ].join('\n');

/**
 * Runs the CLI with the given arguments.
 *
 * @param argv - Arguments after the program name.
 * @param io - Standard streams.
 * @returns The exit code.
 * @example
 * await run(['code', 'parse', 'Z109-WS·2011-Y-BGS-0001'], io) //=> 0
 */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(HELP());
    return name === undefined ? EXIT.usage : EXIT.valid;
  }
  if (name === '--version' || name === '-v') {
    io.stdout.write(`${VERSION}\n`);
    return EXIT.valid;
  }
  const entry = commands[name];
  if (!entry) {
    io.stderr.write(`dangan: unknown command "${escapeTerminalText(name)}"\n\n${HELP()}`);
    return EXIT.usage;
  }
  const command = await entry.load();
  // `--lang en` works in every command; the English messages load only when asked for (start-up, issue 22).
  if (asksForEnglish(rest)) registerMessages('en', (await import('../report/messages/en/index.js')).issueCatalogueEn);
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout.write(`${command.usage}\n`);
    return EXIT.valid;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof OutputError) {
      io.stderr.write(`dangan ${name}: ${escapeTerminalText(error.message)}\n`);
      return EXIT.usage;
    }
    if (error instanceof UsageError || isNodeArgError(error)) {
      // Messages may quote a path from the command line or a package: one line, escaped.
      io.stderr.write(`dangan ${name}: ${escapeTerminalText((error as Error).message)}\n\n${command.usage}\n`);
      return EXIT.usage;
    }
    throw error;
  }
}

/**
 * Whether a command's arguments ask for English, read as `parseArgs` reads them:
 * `--lang en` or `--lang=en` before a `--` terminator. Arguments that merely look
 * like it (a value of another option) load English needlessly, never the reverse.
 */
function asksForEnglish(args: readonly string[]): boolean {
  const end = args.indexOf('--');
  const options = end < 0 ? args : args.slice(0, end);
  return options.some((arg, i) => arg === '--lang=en' || (arg === '--lang' && options[i + 1] === 'en'));
}

function isNodeArgError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS');
}
