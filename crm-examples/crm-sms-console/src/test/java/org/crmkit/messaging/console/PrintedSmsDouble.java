package org.crmkit.messaging.console;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.crmkit.messaging.DeliveryStatus;
import org.crmkit.messaging.kit.ReceivedSms;
import org.crmkit.messaging.kit.SmsProviderDouble;

/**
 * The console gateway's "provider" is the console: this double captures what the gateway printed and reads
 * the messages back from it, and drives the gateway's simulation switches.
 */
final class PrintedSmsDouble implements SmsProviderDouble {

    private static final Pattern HEADER = Pattern.compile(
            "\\[console-sms] (console-\\d+) from (.*) to (\\+[0-9]+): (\\d+) parts?, .*");

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final PrintStream stream = new PrintStream(printed, true, StandardCharsets.UTF_8);
    private ConsoleSmsGateway gateway;

    PrintStream stream() {
        return stream;
    }

    void attach(ConsoleSmsGateway gateway) {
        this.gateway = gateway;
    }

    String printed() {
        synchronized (printed) {
            return printed.toString(StandardCharsets.UTF_8);
        }
    }

    @Override
    public List<ReceivedSms> received() {
        List<ReceivedSms> received = new ArrayList<>();
        String sender = null;
        String destination = null;
        int parts = 0;
        List<String> lines = new ArrayList<>();
        for (String line : printed().split(System.lineSeparator(), -1)) {
            if (line.startsWith("| ") && sender != null) {
                lines.add(line.substring(2));
                continue;
            }
            if (sender != null) {
                received.add(new ReceivedSms(sender, destination, String.join("\n", lines), parts));
                sender = null;
                lines.clear();
            }
            Matcher header = HEADER.matcher(line);
            if (header.matches()) {
                sender = header.group(2);
                destination = header.group(3);
                parts = Integer.parseInt(header.group(4));
            }
        }
        return received;
    }

    @Override
    public void throttle(boolean on) {
        gateway.throttle(on);
    }

    @Override
    public void rejectAsInvalid(String destination) {
        gateway.rejectAsInvalid(destination);
    }

    @Override
    public void sendReceipt(String providerMessageId, DeliveryStatus status) {
        gateway.report(providerMessageId, status);
    }

    @Override
    public void reset() {
        gateway.resetSimulation();
        synchronized (printed) {
            printed.reset();
        }
    }
}
