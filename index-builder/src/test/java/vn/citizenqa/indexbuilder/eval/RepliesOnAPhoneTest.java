package vn.citizenqa.indexbuilder.eval;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import vn.citizenqa.core.answer.DetailOption;
import vn.citizenqa.core.answer.ReplyDrafter;
import vn.citizenqa.core.channel.ChannelCapability;
import vn.citizenqa.core.channel.OutboundReply;
import vn.citizenqa.core.model.Candidate;
import vn.citizenqa.core.model.ConversationContext;
import vn.citizenqa.core.model.Decision;
import vn.citizenqa.core.model.Language;
import vn.citizenqa.core.model.Procedure;
import vn.citizenqa.core.model.ProcedureField;
import vn.citizenqa.core.model.Reply;

/**
 * The replies as a citizen reads them on a phone, over the labelled questions and every procedure of the knowledge
 * base: first answers short enough for a screen, dates written dd/mm/yyyy, never more than three options.
 */
class RepliesOnAPhoneTest {

    private static final Pattern ISO_DATE = Pattern.compile("\\b\\d{4}-\\d{2}-\\d{2}\\b");
    private static final ReplyDrafter DRAFTER = new ReplyDrafter(TestKnowledge.assistant().knowledgeBase());

    /** Every labelled question's decision (questions.tsv: the held-out split is not looked at here either). */
    private static List<Decision> decisions() {
        List<Decision> out = new ArrayList<>();
        for (LabelledQuestion q : TestKnowledge.questions("questions.tsv")) {
            out.add(TestKnowledge.assistant().decide(q.text(), ConversationContext.NONE));
        }
        return out;
    }

    @Test
    void firstAnswersFitAPhoneScreenMedian650AndAtMost1000Characters() {
        List<Integer> lengths = new ArrayList<>();
        String longestText = "";
        for (Decision d : decisions()) {
            if (d.reply() instanceof Reply.ProcedureAnswer && d.language() == Language.VIETNAMESE) {
                String text = DRAFTER.text(d.reply(), d.language());
                lengths.add(text.length());
                longestText = text.length() > longestText.length() ? text : longestText;
            }
        }
        lengths.sort(null);
        assertTrue(lengths.size() >= 100, "measured on " + lengths.size() + " first answers");
        int median = lengths.get(lengths.size() / 2);
        int longest = lengths.getLast();
        System.out.printf("first answers on questions.tsv: %d, median %d characters, longest %d%n", lengths.size(), median,
                longest);
        assertTrue(median <= 650, "median first answer " + median + " characters");
        assertTrue(longest <= 1000, "longest first answer " + longest + " characters:\n" + longestText);
    }

    @Test
    void noReplyWritesADateAsYyyyMmDd() {
        List<String> replies = new ArrayList<>();
        for (Decision d : decisions()) {
            replies.add(DRAFTER.text(d.reply(), d.language()));
        }
        for (Procedure p : TestKnowledge.procedures()) {
            for (Language language : Language.values()) {
                replies.add(DRAFTER.text(new Reply.ProcedureAnswer(p, false), language));
                for (ProcedureField f : ProcedureField.values()) {
                    replies.add(DRAFTER.text(new Reply.ProcedureDetail(p, f), language));
                }
            }
        }
        for (String r : replies) {
            assertTrue(!ISO_DATE.matcher(r).find(), "a yyyy-mm-dd date in\n" + r);
        }
    }

    @Test
    void aChoiceOffersAtMostThreeOptionsOnEveryChannel() {
        List<Reply> replies = new ArrayList<>();
        for (Decision d : decisions()) {
            replies.add(d.reply());
        }
        List<Candidate> many = TestKnowledge.procedures().stream().limit(6).map(p -> new Candidate(p.id(), p.title(), 0.5)).toList();
        replies.add(new Reply.Choice(many));
        for (Procedure p : TestKnowledge.procedures().subList(0, 3)) {
            for (ProcedureField f : ProcedureField.values()) {
                replies.add(new Reply.ProcedureDetail(p, f));
            }
        }
        for (Reply r : replies) {
            for (ChannelCapability c : ChannelCapability.values()) {
                OutboundReply drafted = DRAFTER.draft(r, Language.VIETNAMESE, c);
                assertTrue(drafted.options().size() <= DetailOption.MAX_OFFERED, r + " on " + c + ": " + drafted.options());
            }
        }
    }
}
