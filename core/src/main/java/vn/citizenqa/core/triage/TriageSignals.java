package vn.citizenqa.core.triage;

import java.util.List;

/**
 * What the vocabularies of knowledge/triage found in a message, before any decision: the assistant weighs
 * these with the search (a crime word in "mất ví có căn cước, làm lại sao?" is a procedure question).
 *
 * @param emergency     the emergency found, or null
 * @param crime         the reasons of the crime-report cues found (empty when none)
 * @param outOfScope    who handles the matter when an out-of-scope cue was found, else null
 * @param smallTalk     a greeting, thanks or acknowledgement was found
 * @param otherThanSmallTalk how many meaningful words are not small talk (0: only greetings, thanks, emoji)
 * @param question      the message asks something
 * @param present       the message says it is happening now
 * @param police        the message is about a police matter
 * @param english       the message is written in English
 * @param safetyScore   the safety model's probability that this is an emergency, or -1 without a model
 * @param scam          a scam suffered or asked about, or null
 * @param reportsItself the message tells something as over ("tối qua nhà em bị trộm") and asks where to report it,
 *                      not yet reported, and not lost papers: a crime in it is a report even when the search is sure
 *                      of the crime-reporting procedure (a tip asked about keeps that answer)
 * @param ownHarm       a sentence tells that the writer or theirs suffered a crime a cue names ("kho hàng của tôi bị
 *                      mất…", "nhắn tin đe dọa tung ảnh của em"), not yet reported nor about a case handled, not lost
 *                      papers, and not asked in general ("nếu bị lừa thì báo ở đâu"): the report itself, over the
 *                      crime-reporting procedure
 * @param pleads        it asks what to do now ("giờ tôi phải làm gì"), not about paperwork
 */
public record TriageSignals(
        Emergency emergency,
        List<String> crime,
        String outOfScope,
        boolean smallTalk,
        int otherThanSmallTalk,
        boolean question,
        boolean present,
        boolean police,
        boolean english,
        double safetyScore,
        Scam scam,
        boolean reportsItself,
        boolean ownHarm,
        boolean pleads) {

    public TriageSignals {
        crime = List.copyOf(crime);
    }

    /**
     * A message about a scam trick.
     *
     * @param warningId the trick of knowledge/warnings it names best, or null (a fraud word alone)
     * @param plain     the message names the trick plainly (two of the trick's cues or more): a check
     *                  question then stays a check even when the search is sure of a procedure
     * @param demanded  someone asked the writer or theirs for money, a code or an app ("bảo chuyển trước 500k",
     *                  "cần em chuyển 15 triệu", "bắt đọc mã")
     * @param byStranger that someone is a stranger or poses as an office ("có người gọi bảo…", "số lạ…", "tự xưng
     *                  công an…"): a check then stays a check even when the search is sure of a procedure
     * @param safe      the writer says the one the trick's tale puts in danger is safe ("em tôi vẫn đang ở nhà với tôi",
     *                  "con vẫn đi học bình thường"), while money is asked for
     */
    public record Scam(Kind kind, String warningId, boolean plain, boolean asksFraud, boolean demanded,
            boolean byStranger, boolean safe) {

        public Scam(Kind kind, String warningId, boolean plain, boolean asksFraud) {
            this(kind, warningId, plain, asksFraud, false, false, false);
        }

        public Scam(Kind kind, String warningId, boolean plain, boolean asksFraud, boolean demanded,
                boolean byStranger) {
            this(kind, warningId, plain, asksFraud, demanded, byStranger, false);
        }

        /**
         * Whether the check outweighs an emergency found in the same message: only a check that asks whether it is
         * a fraud, and names the trick plainly ("gọi báo con bị tai nạn, cần chuyển tiền mổ, có phải lừa không") or
         * meets only an uncertain emergency (a weak cue, the safety model: "bọn lừa đảo gọi liên tục, có nên đổi số
         * không"); "con em bị tai nạn, đang chảy máu, phải làm sao" asks about no fraud: the emergency. A check
         * about money a stranger asks for, in a story that names the trick plainly ("số lạ báo con đang cấp cứu, bảo
         * chuyển tiền phẫu thuật gấp, em phải làm sao"), outweighs it too: the danger is the caller's tale. So does a
         * check that asks whether it is a fraud when the writer says the one in the tale is safe ("gửi ảnh em trai tôi
         * bị trói, đòi 50 triệu mới thả, nhưng em tôi vẫn đang ở nhà với tôi, đây là lừa phải không").
         */
        public boolean outweighs(Emergency emergency) {
            return kind == Kind.CHECK && ((asksFraud && safe) || ((asksFraud || (byStranger && plain))
                    && (plain || !emergency.certain())));
        }


        public enum Kind {
            /** money or data already lost: a crime report */
            VICTIM,
            /** "is this a scam?" */
            CHECK,
            /**
             * a trick being worked on the writer or theirs now, nothing lost yet, not asked about ("người tự xưng
             * công an gọi liên tục, bắt giữ bí mật, mẹ tôi không tin là lừa"): the warning, and officers told
             */
            UNDER_WAY
        }
    }

    /**
     * @param numbers the numbers to call, most relevant first (114, 113, 115)
     * @param reason  the cues that matched, for officers
     * @param certain false when the only signs are a weak cue with "happening now" or a call for help ("cứu
     *                em"): a question about a procedure the search is sure of wins over it
     */
    public record Emergency(List<String> numbers, String reason, boolean certain) {
        public Emergency {
            numbers = List.copyOf(numbers);
        }
    }
}
