package vn.citizenqa.runner;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import vn.citizenqa.functions.LogFormat;
import vn.citizenqa.functions.Wiring;

/** The runnable jar: local commands around the same code the Lambda handlers run. */
public final class CitizenQa {

    /** A command, its usage line (each command's own) and what it does, as {@code help} lists them. */
    record Command(String name, String usage, String purpose) {
    }

    static final List<Command> COMMANDS = List.of(
            new Command("ask", AskCommand.USAGE, "the reply a citizen would get (--batch: one JSON decision per input line)"),
            new Command("serve", ServeCommand.USAGE, "the functions' HTTP routes on 127.0.0.1"),
            new Command("invoke", InvokeCommand.USAGE, "one event through a template.yaml function, response as JSON"),
            new Command("stand-in", StandInCommand.USAGE, "a local Graph API / Zalo API stand-in printing replies"),
            new Command("sign-events", SignEventsCommand.USAGE, "(re)sign the sample events in events/"),
            new Command("token", TokenCommand.USAGE, "an officer token for serve (local only)"),
            new Command("suggestions", SuggestionsCommand.USAGE, "officers' suggestions as knowledge-base edits"),
            new Command("setup-table", SetupTableCommand.USAGE, "create the DynamoDB table TABLE_NAME (safe to repeat)"),
            new Command("register-pages", RegisterPagesCommand.USAGE, "register pages and their units in the table TABLE_NAME"),
            new Command("units", UnitsCommand.USAGE, "units in the table TABLE_NAME (safe to repeat)"),
            new Command("violations", ViolationsCommand.USAGE, "a traffic unit's camera-recorded violations"));

    private CitizenQa() {
    }

    public static void main(String[] args) throws Exception {
        LogFormat.install();
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        int status = run(args, System.in, out, err);
        out.flush();
        if (status != 0) {
            System.exit(status);
        }
    }

    /** Runs one command; returns its exit status (0 done, 1 failed, 2 wrong usage). */
    static int run(String[] args, InputStream stdin, PrintStream out, PrintStream err) throws Exception {
        if (args.length == 0) {
            err.println(usage());
            return 2;
        }
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        Optional<Command> command = COMMANDS.stream().filter(c -> c.name().equals(args[0])).findFirst();
        if (command.isPresent() && (rest.contains("--help") || rest.contains("-h"))) {
            out.println("usage: java -jar citizen-qa.jar " + command.get().usage() + "\n  " + command.get().purpose());
            return 0;
        }
        if (List.of("ask", "invoke", "serve").contains(args[0])) {
            Wiring.openAssistantInBackground();
        }
        return switch (args[0]) {
            case "ask" -> new AskCommand(Wiring.assistant()).run(rest,
                    new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8)), out, err);
            case "serve" -> new ServeCommand().run(rest, out, err);
            case "invoke" -> new InvokeCommand().run(rest, stdin, out, err);
            case "stand-in" -> new StandInCommand().run(rest, out, err);
            case "sign-events" -> new SignEventsCommand().run(rest, out, err);
            case "token" -> new TokenCommand(System.getenv(), Clock.systemUTC()).run(rest, out, err);
            case "suggestions" -> new SuggestionsCommand(Wiring.store().suggestions(), Wiring.procedureTitles(),
                    Clock.systemUTC()).run(rest, out, err);
            case "setup-table" -> new SetupTableCommand().run(rest, System.getenv(), out, err);
            case "register-pages" -> new RegisterPagesCommand().run(rest, System.getenv(), out, err);
            case "units" -> new UnitsCommand(System.getenv(), Clock.systemUTC()).run(rest, out, err);
            case "violations" -> new ViolationsCommand(System.getenv(), Clock.systemUTC()).run(rest, out, err);
            case "help", "--help", "-h" -> {
                out.println(usage());
                yield 0;
            }
            default -> {
                err.println("unknown command '" + args[0] + "'\n" + usage());
                yield 2;
            }
        };
    }

    static String usage() {
        StringBuilder b = new StringBuilder("usage: java -jar citizen-qa.jar COMMAND   (COMMAND --help for one command)");
        for (Command c : COMMANDS) {
            b.append("\n  ").append(c.usage()).append("\n      ").append(c.purpose());
        }
        return b.toString();
    }
}
