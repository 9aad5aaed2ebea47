package org.crmkit.messaging.smpp;

import java.time.Duration;
import java.util.Map;
import org.crmkit.messaging.SendOutcome;

/**
 * SMPP 3.4 {@code command_status} values by name, and what a negative {@code submit_sm_resp}
 * means for the caller: throttling, a full queue and the SMSC's own transient errors are
 * temporary; everything else (an invalid destination or source address first of all) is
 * permanent, with the status name (or its hex number when it has no name) as the code.
 */
final class CommandStatus {

    static final int ESME_RSYSERR = 0x08;
    static final int ESME_RINVSRCADR = 0x0A;
    static final int ESME_RINVDSTADR = 0x0B;
    static final int ESME_RBINDFAIL = 0x0D;
    static final int ESME_RINVPASWD = 0x0E;
    static final int ESME_RINVSYSID = 0x0F;
    static final int ESME_RMSGQFUL = 0x14;
    static final int ESME_RTHROTTLED = 0x58;
    static final int ESME_RINVSYSTYP = 0x53;
    static final int ESME_RX_T_APPN = 0x64;

    private static final Map<Integer, String> NAMES = Map.ofEntries(
            Map.entry(0x00, "ESME_ROK"),
            Map.entry(0x01, "ESME_RINVMSGLEN"),
            Map.entry(0x02, "ESME_RINVCMDLEN"),
            Map.entry(0x03, "ESME_RINVCMDID"),
            Map.entry(0x04, "ESME_RINVBNDSTS"),
            Map.entry(0x05, "ESME_RALYBND"),
            Map.entry(0x06, "ESME_RINVPRTFLG"),
            Map.entry(0x07, "ESME_RINVREGDLVFLG"),
            Map.entry(0x08, "ESME_RSYSERR"),
            Map.entry(0x0A, "ESME_RINVSRCADR"),
            Map.entry(0x0B, "ESME_RINVDSTADR"),
            Map.entry(0x0C, "ESME_RINVMSGID"),
            Map.entry(0x0D, "ESME_RBINDFAIL"),
            Map.entry(0x0E, "ESME_RINVPASWD"),
            Map.entry(0x0F, "ESME_RINVSYSID"),
            Map.entry(0x11, "ESME_RCANCELFAIL"),
            Map.entry(0x13, "ESME_RREPLACEFAIL"),
            Map.entry(0x14, "ESME_RMSGQFUL"),
            Map.entry(0x15, "ESME_RINVSERTYP"),
            Map.entry(0x33, "ESME_RINVNUMDESTS"),
            Map.entry(0x34, "ESME_RINVDLNAME"),
            Map.entry(0x40, "ESME_RINVDESTFLAG"),
            Map.entry(0x42, "ESME_RINVSUBREP"),
            Map.entry(0x43, "ESME_RINVESMCLASS"),
            Map.entry(0x44, "ESME_RCNTSUBDL"),
            Map.entry(0x45, "ESME_RSUBMITFAIL"),
            Map.entry(0x48, "ESME_RINVSRCTON"),
            Map.entry(0x49, "ESME_RINVSRCNPI"),
            Map.entry(0x50, "ESME_RINVDSTTON"),
            Map.entry(0x51, "ESME_RINVDSTNPI"),
            Map.entry(0x53, "ESME_RINVSYSTYP"),
            Map.entry(0x54, "ESME_RINVREPFLAG"),
            Map.entry(0x55, "ESME_RINVNUMMSGS"),
            Map.entry(0x58, "ESME_RTHROTTLED"),
            Map.entry(0x61, "ESME_RINVSCHED"),
            Map.entry(0x62, "ESME_RINVEXPIRY"),
            Map.entry(0x63, "ESME_RINVDFTMSGID"),
            Map.entry(0x64, "ESME_RX_T_APPN"),
            Map.entry(0x65, "ESME_RX_P_APPN"),
            Map.entry(0x66, "ESME_RX_R_APPN"),
            Map.entry(0x67, "ESME_RQUERYFAIL"),
            Map.entry(0xC0, "ESME_RINVOPTPARSTREAM"),
            Map.entry(0xC1, "ESME_ROPTPARNOTALLWD"),
            Map.entry(0xC2, "ESME_RINVPARLEN"),
            Map.entry(0xC3, "ESME_RMISSINGOPTPARAM"),
            Map.entry(0xC4, "ESME_RINVOPTPARAMVAL"),
            Map.entry(0xFE, "ESME_RDELIVERYFAILURE"),
            Map.entry(0xFF, "ESME_RUNKNOWNERR"));

    private CommandStatus() {
    }

    /** {@code ESME_RTHROTTLED} for 0x58; {@code 0x00000400} for a status without a name. */
    static String name(int status) {
        String name = NAMES.get(status);
        return name != null ? name : hex(status);
    }

    /** Name and number, e.g. {@code ESME_RINVDSTADR (0x0000000B)}. */
    static String describe(int status) {
        String name = NAMES.get(status);
        return name != null ? name + " (" + hex(status) + ")" : hex(status);
    }

    /** Whether resubmitting the same PDU later can succeed. */
    static boolean isTemporary(int status) {
        return status == ESME_RTHROTTLED || status == ESME_RMSGQFUL
                || status == ESME_RSYSERR || status == ESME_RX_T_APPN;
    }

    /** The outcome of a message whose (first) {@code submit_sm} was answered with {@code status}. */
    static SendOutcome outcome(int status, Duration retryAfter) {
        String text = "SMSC answered submit_sm with " + describe(status);
        return isTemporary(status)
                ? SendOutcome.temporary(text, retryAfter)
                : SendOutcome.permanent(name(status), text);
    }

    private static String hex(int status) {
        return String.format("0x%08X", status);
    }
}
