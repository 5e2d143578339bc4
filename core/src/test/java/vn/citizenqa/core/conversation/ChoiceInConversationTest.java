package vn.citizenqa.core.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import vn.citizenqa.core.Assistant;
import vn.citizenqa.core.channel.InboundMessage;
import vn.citizenqa.core.decision.ConfidenceGate;
import vn.citizenqa.core.model.Category;
import vn.citizenqa.core.model.Channel;
import vn.citizenqa.core.model.ConversationKey;
import vn.citizenqa.core.model.Procedure;
import vn.citizenqa.core.search.ProcedureIndex;
import vn.citizenqa.core.search.ProcedureSearcher;
import vn.citizenqa.core.store.Author;
import vn.citizenqa.core.store.ConversationState;
import vn.citizenqa.core.store.InProcessStore;
import vn.citizenqa.core.store.PageRegistration;
import vn.citizenqa.core.store.StoreSettings;
import vn.citizenqa.core.triage.RealKnowledge;

/**
 * A reply to a choice, through the whole conversation path to the real assistant's picker: numbers in digits and in
 * words, a tapped option's payload, a procedure's id.
 */
class ChoiceInConversationTest {

    private static final Instant NOW = Instant.parse("2026-03-02T03:00:00Z");
    private static final ConversationKey CITIZEN = new ConversationKey(Channel.MESSENGER, "page-1", "psid-1");
    private static final List<String> OFFERED = List.of("dang-ky-tam-tru", "gia-han-tam-tru", "xoa-dang-ky-tam-tru");
    private static Assistant assistant;

    @BeforeAll
    static void index() throws IOException {
        ByteBuffersDirectory dir = new ByteBuffersDirectory();
        List<Procedure> procedures = List.of(
                MessageIntakeTest.procedure("dang-ky-tam-tru", "Đăng ký tạm trú", Category.RESIDENCE),
                MessageIntakeTest.procedure("gia-han-tam-tru", "Gia hạn tạm trú", Category.RESIDENCE),
                MessageIntakeTest.procedure("xoa-dang-ky-tam-tru", "Xóa đăng ký tạm trú", Category.RESIDENCE),
                MessageIntakeTest.procedure("cap-ho-chieu", "Cấp hộ chiếu phổ thông", Category.IMMIGRATION));
        ProcedureIndex.write(procedures, dir);
        assistant = new Assistant(new ProcedureSearcher(dir, RealKnowledge.LEXICON), RealKnowledge.TRIAGE,
                RealKnowledge.FOLLOW_UPS, ConfidenceGate.DEFAULT);
    }

    private record Conversation(InProcessStore store, MessageIntakeTest.RecordingSender sender, MessageIntake intake) {
    }

    /** A conversation whose last reply offered {@link #OFFERED}. */
    private static Conversation afterAChoice() {
        InProcessStore store = new InProcessStore(Clock.fixed(NOW, ZoneOffset.UTC), StoreSettings.defaults());
        store.pages().register(new PageRegistration(Channel.MESSENGER, "page-1", "ca-phuong-1", "Công an phường 1", "t", null, null));
        store.conversations().saveState(new ConversationState(CITIZEN, "ca-phuong-1", null, OFFERED, NOW.minusSeconds(30)));
        var sender = new MessageIntakeTest.RecordingSender();
        var intake = new MessageIntake(new ConversationPolicy(assistant::decide, assistant.knowledgeBase()), store, sender,
                Clock.fixed(NOW, ZoneOffset.UTC));
        return new Conversation(store, sender, intake);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2|gia-han-tam-tru",
            "số 2|gia-han-tam-tru",
            "hai|gia-han-tam-tru",
            "cái thứ ba ạ|xoa-dang-ky-tam-tru",
            "chọn 1 nhé|dang-ky-tam-tru",
            "xoa-dang-ky-tam-tru|xoa-dang-ky-tam-tru"})
    void aReplyPickingAnOfferedProcedureIsAnsweredWithItAndRecordedAsAChoice(String reply, String expected) {
        Conversation c = afterAChoice();

        c.intake().handle(new InboundMessage.Text(CITIZEN, "m2", NOW, reply));

        assertEquals(expected, c.store().conversations().state(CITIZEN).orElseThrow().lastProcedureId());
        String title = assistant.knowledgeBase().get(expected).title();
        assertTrue(c.sender().sent.getFirst().reply().text().contains(title), c.sender().sent.getFirst().reply().text());
        var recorded = c.store().conversations().recent(CITIZEN, 5).stream().filter(m -> m.author() == Author.CITIZEN)
                .findFirst().orElseThrow();
        assertTrue(recorded.takenAs().choice(), "the officer later sees which question the choice was for");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"2|2", "3|3"})
    void aTappedOptionCarriesItsNumber(String payload, int n) {
        Conversation c = afterAChoice();

        c.intake().handle(new InboundMessage.Choice(CITIZEN, "m2", NOW, payload, n + ". …"));

        assertEquals(OFFERED.get(n - 1), c.store().conversations().state(CITIZEN).orElseThrow().lastProcedureId());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"7", "làm hộ chiếu cần gì", "2 cái hộ chiếu thì sao"})
    void aNumberOutsideTheChoiceOrOtherWordsAreNotAPick(String reply) {
        Conversation c = afterAChoice();

        c.intake().handle(new InboundMessage.Text(CITIZEN, "m2", NOW, reply));

        var recorded = c.store().conversations().recent(CITIZEN, 5).stream().filter(m -> m.author() == Author.CITIZEN)
                .findFirst().orElseThrow();
        assertFalse(recorded.takenAs().choice());
        assertNotEquals(OFFERED.get(1), c.store().conversations().state(CITIZEN).orElseThrow().lastProcedureId());
    }
}
