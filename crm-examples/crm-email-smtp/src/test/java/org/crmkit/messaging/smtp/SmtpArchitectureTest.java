package org.crmkit.messaging.smtp;

import java.util.List;
import org.crmkit.messaging.kit.PluginArchitectureContract;

/** The SMTP plugin uses the SPI, the JDK, slf4j-api and Jakarta Mail (Angus) only. */
class SmtpArchitectureTest extends PluginArchitectureContract {

    @Override
    protected Class<?> pluginClass() {
        return SmtpEmailSenderProvider.class;
    }

    @Override
    protected List<String> libraryPackages() {
        return List.of("jakarta.mail..", "jakarta.activation..", "org.eclipse.angus.mail..");
    }
}
