package vn.citizenqa.runner;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

import vn.citizenqa.core.Assistant;
import vn.citizenqa.core.answer.ReplyDrafter;
import vn.citizenqa.core.model.ConversationContext;
import vn.citizenqa.core.answer.ReplyDrafter;
import vn.citizenqa.core.model.Decision;
import vn.citizenqa.functions.json.DecisionJson;

/**
 * {@code ask [--json] [--context PROCEDURE_ID] TEXT} and {@code ask --json --batch} (one message a line on
 * standard input, one JSON object a line out, in order).
 */
public final class AskCommand {

    static final String USAGE = "ask [--json] [--context PROCEDURE_ID] \"question\"  |  ask --json --batch < messages.txt";

    private final Assistant assistant;

    public AskCommand(Assistant assistant) {
        this.assistant = assistant;
    }

    public int run(List<String> args, BufferedReader in, PrintStream out, PrintStream err) throws IOException {
        boolean json = false;
        boolean batch = false;
        String context = null;
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
                default -> {
                    if (a.startsWith("--")) {
                        err.println("unknown option " + a + "\nusage: " + USAGE);
                        return 2;
                    }
                    words.add(a);
                }
            }
        }
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
