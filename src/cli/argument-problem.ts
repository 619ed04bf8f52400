/**
 * @module
 * Node's `parseArgs` refuses a wrong command line with an English message ("Unknown option
 * '--x'. To specify a positional argument ..."); the command line speaks Dutch like the
 * pages (issue 16), so its error code is said again in Dutch, with the option it names.
 */

/** The Dutch line for an error thrown by `parseArgs`; another error keeps its message. */
export function argumentProblem(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : String(error);
  const option = /'(-{1,2}[\w-]+)/.exec(message)?.[1] ?? '';
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `onbekende optie ${option}`.trimEnd();
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return `optie ${option} mist haar waarde`;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return 'te veel bestanden of woorden op de opdrachtregel';
    default:
      return message;
  }
}
