package vn.citizenqa.core;

import java.util.List;

import vn.citizenqa.core.decision.ConfidenceGate;
import vn.citizenqa.core.model.Action;
import vn.citizenqa.core.model.Decision;
import vn.citizenqa.core.model.EscalationKind;
import vn.citizenqa.core.model.Intent;
import vn.citizenqa.core.model.Language;
import vn.citizenqa.core.model.Reply;
import vn.citizenqa.core.model.ScamWarning;
import vn.citizenqa.core.triage.Triage;
import vn.citizenqa.core.triage.TriageSignals;

/**
 * The emergency, scam or report the triage makes of a message, weighed against what the search says of it: a
 * question the search places is a procedure question even with a crime word in it. Pure and thread-safe.
 */
final class TriageDecision {

    private final Triage triage;
    private final ConfidenceGate gate;

    TriageDecision(Triage triage, ConfidenceGate gate) {
        this.triage = triage;
        this.gate = gate;
    }

    /** The decision, or null when the message is for the search to answer. */
    Decision decide(TriageSignals signals, Language language, SearchFit fit) {
        double confidence = fit.confidence();
        // A question the search places is a procedure question even with a crime word in it ("bị móc túi mất
        // căn cước, làm lại sao?"); with an emergency word, only when the search is sure and nothing says it is
        // happening now.
        boolean procedureQuestion = signals.question() && confidence >= gate.reportOverride();
        // A crime told as it happened to the writer, asking where to report it, is the report itself. So is the
        // writer's own harm told, when the search places the crime-reporting procedure ("có tài khoản lạ nhắn tin đe
        // dọa tung ảnh của em…, em báo công an thì có lộ chuyện ra không"), or offers it among procedures it is not sure
        // of ("tối qua tôi bị vợ chồng nhà bên… đấm vào đầu…, tôi muốn làm đơn gửi công an thì viết thế nào"), or the
        // writer asks what to do now and the search is not sure of another procedure: the harm is the point, the
        // procedure only the way to report it.
        boolean ownReport = signals.ownHarm() && (fit.placesReporting()
                || ((fit.offersReporting() || signals.pleads()) && confidence < gate.sure()));
        boolean reportQuestion = procedureQuestion && !signals.reportsItself() && !ownReport;
        boolean sureProcedureQuestion = signals.question() && !signals.present() && confidence >= gate.sure();
        // An uncertain emergency (only "cứu em", or a weak word said to be happening now) also loses to such a
        // question when the citizen says it is urgent: "cứu em, mai đi làm mà chưa có căn cước, làm gấp được không".
        boolean outweighed = signals.emergency() != null && (signals.emergency().certain() ? sureProcedureQuestion
                : signals.question() && confidence >= gate.sure());
        // A scam told or asked about: "báo con đang cấp cứu, cần tiền mổ gấp" is the trick, not the emergency.
        TriageSignals.Scam scam = signals.scam();
        // Money or data already lost gives way only to a procedure the search is sure of ("bị lừa mất tài khoản
        // VNeID, khóa tài khoản thế nào"), and never when the victim asks how to report it ("bị lừa 9 triệu, trình
        // báo ở đâu"): an unrelated procedure half placed is no answer to "em đã chuyển 5 triệu, giờ phải làm sao".
        // A check question gives way only to a procedure the search is sure of, and not when it names the trick
        // plainly, nor when a stranger or a caller posing as an office asks for money, a code or an app ("có người
        // tự nhận cán bộ công an xã bảo cài lại VNeID theo đường link họ gửi"): the procedure is the trick's bait.
        boolean sureQuestion = signals.question() && confidence >= gate.sure();
        // A trick under way, not asked about, gives way to any procedure the search is sure of: "người xưng công an
        // bảo cài app, tôi đã lỡ đăng nhập VNeID vào link họ gửi; giờ muốn khóa tài khoản VNeID thì làm thế nào".
        if (scam != null && switch (scam.kind()) {
            case VICTIM -> sureQuestion && !fit.placesReporting() && !signals.reportsItself();
            // Nor when it asks whether what it was asked to do is a fraud ("tin nhắn bảo tài khoản định danh sắp bị
            // khóa, bấm vào link tải app để cập nhật, có phải lừa đảo không"): the procedure it names is the bait.
            case CHECK -> sureProcedureQuestion && !scam.plain() && !scam.byStranger()
                    && !(scam.asksFraud() && scam.demanded());
            case UNDER_WAY -> sureQuestion;
        }) {
            scam = null;
        }
        // An emergency a cue or the safety model found wins over a check (a check's answer sends no officer) and over
        // a trick under way (its warning does not send the numbers), unless
        // the check asks whether it is a fraud and names the trick plainly or meets only an uncertain emergency.
        if (scam != null && scam.kind() != TriageSignals.Scam.Kind.VICTIM && signals.emergency() != null
                && !scam.outweighs(signals.emergency())) {
            scam = null;
        }
        // So does a victim's account where a certain emergency is happening now ("bị lừa sang Campuchia, đang bị nhốt,
        // bị đánh"): the loss is told, the danger is now; unless the trick is named plainly, its emergency being the
        // trick's own story ("gọi báo con đang cấp cứu, cần tiền mổ gấp, mẹ đã chuyển 30 triệu").
        if (scam != null && scam.kind() == TriageSignals.Scam.Kind.VICTIM && signals.emergency() != null
                && signals.emergency().certain() && signals.present() && !scam.plain()) {
            scam = null;
        }
        if (scam != null && scam.kind() == TriageSignals.Scam.Kind.VICTIM) {
            ScamWarning warning = triage.warning(scam.warningId()).orElse(null);
            return new Decision(Intent.CRIME_REPORT, Action.ESCALATE, null, List.of(), 1.0,
                    new EscalationKind.Scam(warning == null ? "nạn nhân lừa đảo" : "nạn nhân: " + warning.title()),
                    new Reply.ScamSteps(warning), language);
        }
        if (scam != null && scam.kind() == TriageSignals.Scam.Kind.UNDER_WAY) {
            // Nothing lost yet, and the trick still being worked: the warning now, so that nothing is lost, and
            // officers told, who may reach the family before the money goes.
            ScamWarning warning = triage.warning(scam.warningId()).orElse(null);
            return new Decision(Intent.CRIME_REPORT, Action.ESCALATE, null, List.of(), 1.0,
                    new EscalationKind.Scam(warning == null ? "lừa đảo đang diễn ra, chưa mất tiền"
                            : "lừa đảo đang diễn ra, chưa mất tiền: " + warning.title()),
                    new Reply.ScamUnderWay(warning), language);
        }
        if (scam != null && language == Language.VIETNAMESE) {
            ScamWarning warning = triage.warning(scam.warningId()).orElse(null);
            return new Decision(Intent.SCAM_CHECK, Action.WARN, null, List.of(), 1.0, null,
                    new Reply.ScamCheckAnswer(warning), language);
        }
        if (signals.emergency() != null && !outweighed) {
            return new Decision(Intent.EMERGENCY, Action.ESCALATE, null, List.of(), 1.0,
                    new EscalationKind.Emergency(signals.emergency().reason()),
                    new Reply.EmergencyNumbers(signals.emergency().numbers()), language);
        }
        if (!signals.crime().isEmpty() && !reportQuestion) {
            return new Decision(Intent.CRIME_REPORT, Action.ESCALATE, null, List.of(), 1.0,
                    new EscalationKind.CrimeReport(signals.crime()), new Reply.ReportReceived(), language);
        }
        return null;
    }
}
