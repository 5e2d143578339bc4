package vn.citizenqa.runner;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;

import vn.citizenqa.functions.LogFormat;
import vn.citizenqa.functions.Wiring;

/** The runnable jar: local commands around the same code the Lambda handlers run. */
public final class CitizenQa {

    private CitizenQa() {
    }

    public static void main(String[] args) throws Exception {
        LogFormat.install();
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        if (args.length == 0) {
            err.println(usage());
            System.exit(2);
        }
        if (List.of("ask", "invoke", "serve").contains(args[0])) {
            Wiring.openAssistantInBackground();
        }
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        int status = switch (args[0]) {
            case "ask" -> new AskCommand(Wiring.assistant()).run(rest,
                    new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)), out, err);
            case "serve" -> new ServeCommand().run(rest, out, err);
            case "invoke" -> new InvokeCommand().run(rest, System.in, out, err);
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
        out.flush();
        if (status != 0) {
            System.exit(status);
        }
    }

    static String usage() {
        return """
                usage: java -jar citizen-qa.jar COMMAND
                  ask [--json] [--context PROCEDURE_ID] "question"   the reply a citizen would get
                  ask --json --batch < messages.txt                   one JSON decision per input line
                  serve [--port 3000] [--env-vars FILE]               the functions' HTTP routes on 127.0.0.1
                  invoke FUNCTION EVENT_FILE [--env-vars FILE] [--template FILE] [--parameter-overrides "K=V …"]
                                                                      one event through a template.yaml function, response as JSON
                  stand-in [--port 9000] [--expire-zalo-token TOKEN]  a local Graph API / Zalo API stand-in printing replies
                  sign-events [DIR] [--env-vars FILE] [--check]       (re)sign the sample events in events/
                  token --sub NAME --group officer|supervisor [--unit UNIT] [--hours N]
                                                                      an officer token for serve (local only)
                  suggestions export [--out DIR] [--mark-exported]   officers' suggestions as knowledge-base edits
                  setup-table                                         create the DynamoDB table TABLE_NAME (safe to repeat)
                  register-pages FILE [--replace]                     register pages and their units in the table TABLE_NAME
                  units list | add --id ID --name "NAME" [--parent P] [--traffic] | rename --id ID --name "NAME"
                        | merge --from ID --into ID                   units in the table TABLE_NAME (safe to repeat)
                  violations import --unit UNIT FILE.csv             a traffic unit's camera-recorded violations""";
    }
}
