package vn.citizenqa.runner;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

import vn.citizenqa.core.Assistant;
import vn.citizenqa.core.answer.ReplyDrafter;
import vn.citizenqa.core.model.ConversationContext;
import vn.citizenqa.core.model.Decision;
import vn.citizenqa.functions.json.DecisionJson;

/**
 * {@code ask [--json] [--context PROCEDURE_ID] [--on YYYY-MM-DD] TEXT} and {@code ask --json --batch} (one message
 * a line on standard input, one JSON object a line out, in order). {@code --on} answers as on that day: the facts
 * that hold between dates (a reduced fee until 31/12/2026) take the version of that day.
 */
public final class AskCommand {

    static final String USAGE = "ask [--json] [--context PROCEDURE_ID] [--on YYYY-MM-DD] \"question\"  |  ask --json --batch < messages.txt";

    private final Assistant assistant;

    public AskCommand(Assistant assistant) {
        this.assistant = assistant;
    }

    public int run(List<String> args, BufferedReader in, PrintStream out, PrintStream err) throws IOException {
        boolean json = false;
        boolean batch = false;
        String context = null;
        java.time.LocalDate on = null;
        List<String> words = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--json" -> json = true;
                case "--batch" -> batch = true;
                case "--context" -> {
                    if (i + 1 >= args.size()) {
                        err.println("--context needs a procedure id\nusage: " + USAGE);
                        return 2;
                    }
                    context = args.get(++i);
                }
                case "--on" -> {
                    if (i + 1 >= args.size()) {
                        err.println("--on needs a date (YYYY-MM-DD)");
                        return 2;
                    }
                    try {
                        on = java.time.LocalDate.parse(args.get(++i));
                    } catch (java.time.format.DateTimeParseException e) {
                        err.println("--on: not a date (YYYY-MM-DD): '" + args.get(i) + "'");
                        return 2;
                    }
                }
                default -> {
                    if (a.startsWith("--")) {
                        err.println("unknown option " + a + "\nusage: " + USAGE);
                        return 2;
                    }
                    words.add(a);
                }
            }
        }
        Assistant assistant = on == null ? this.assistant : this.assistant.on(on);
        if (context != null && assistant.knowledgeBase().find(context).isEmpty()) {
            err.println("unknown procedure id for --context: " + context);
            return 2;
        }
        ConversationContext ctx = context == null ? ConversationContext.NONE : ConversationContext.about(context);
        ReplyDrafter drafter = new ReplyDrafter(assistant.knowledgeBase());
        if (batch) {
            for (String line; (line = in.readLine()) != null; ) {
                print(assistant.decide(line, ctx), drafter, json, out);
            }
            out.flush();
            return 0;
        }
        if (words.isEmpty()) {
            err.println("usage: " + USAGE);
            return 2;
        }
        print(assistant.decide(String.join(" ", words), ctx), drafter, json, out);
        return 0;
    }

    private static void print(Decision d, ReplyDrafter drafter, boolean json, PrintStream out) {
        String reply = drafter.text(d.reply(), d.language());
        out.println(json ? DecisionJson.toLine(d, reply) : reply);
    }
}
