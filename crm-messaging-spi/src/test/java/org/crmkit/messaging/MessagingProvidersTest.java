package org.crmkit.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.crmkit.messaging.sms.SmsGatewayProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MessagingProvidersTest {

    private URLClassLoader loader;

    /** A class loader that sees the test classes plus the {@code META-INF/services} of the named plugin directories. */
    private ClassLoader plugins(String... names) {
        URL[] urls = Arrays.stream(names)
                .map(name -> getClass().getClassLoader().getResource("plugins/" + name + "/"))
                .toArray(URL[]::new);
        loader = new URLClassLoader(urls, getClass().getClassLoader());
        return loader;
    }

    private MessagingProviders discover(String... names) {
        return MessagingProviders.builder().classLoader(plugins(names)).build();
    }

    @AfterEach
    void closeLoader() throws Exception {
        if (loader != null) {
            loader.close();
        }
    }

    @Test
    void theOnlyDiscoveredProviderIsChosenWithoutAName() {
        MessagingProviders providers = discover("beta");

        assertThat(providers.smsGatewayProvider().name()).isEqualTo("beta");
        assertThat(providers.loadFailures()).isEmpty();
    }

    @Test
    void severalFoundAndNoneNamedIsAnErrorListingThem() {
        MessagingProviders providers = discover("alpha", "beta");

        assertThatThrownBy(providers::smsGatewayProvider)
                .isInstanceOfSatisfying(ProviderSelectionException.class,
                        e -> assertThat(e.candidates()).containsExactlyInAnyOrder("alpha", "beta"))
                .hasMessageContaining("several SMS gateway providers found and none is named")
                .hasMessageContaining("alpha")
                .hasMessageContaining("beta")
                .hasMessageContaining("\"provider\"");
    }

    @Test
    void aProviderIsChosenByNameIgnoringCase() {
        MessagingProviders providers = discover("alpha", "beta");

        assertThat(providers.smsGatewayProvider("beta")).isInstanceOf(TestProviders.Beta.class);
        assertThat(providers.smsGatewayProvider("ALPHA")).isInstanceOf(TestProviders.Alpha.class);
    }

    @Test
    void anUnknownNameIsAnErrorListingTheAvailableNames() {
        MessagingProviders providers = discover("alpha", "beta");

        assertThatThrownBy(() -> providers.smsGatewayProvider("smpp"))
                .isInstanceOf(ProviderSelectionException.class)
                .hasMessage("no SMS gateway provider named \"smpp\"; available: alpha, beta");
    }

    @Test
    void createUsesTheProviderNamedInTheConfiguration() {
        MessagingProviders providers = discover("alpha", "beta");
        ProviderConfig config = ProviderConfig.empty().with("provider", "beta").with("host", "localhost");

        TestProviders.ConfiguredGateway gateway = (TestProviders.ConfiguredGateway) providers.createSmsGateway(config);

        assertThat(gateway.madeBy).isInstanceOf(TestProviders.Beta.class);
        assertThat(gateway.config).isEqualTo(config);
    }

    @Test
    void explicitRegistrationWinsOverDiscovery() {
        SmsGatewayProvider explicitAlpha = new TestProviders.Named("alpha");
        MessagingProviders providers = MessagingProviders.builder()
                .classLoader(plugins("alpha", "beta"))
                .smsGatewayProvider(explicitAlpha)
                .build();

        assertThat(providers.smsGatewayProvider("alpha")).isSameAs(explicitAlpha);
        assertThat(providers.smsGatewayProvider()).isSameAs(explicitAlpha);
        assertThat(providers.smsGatewayProvider("beta")).isInstanceOf(TestProviders.Beta.class);
        assertThat(providers.smsGatewayProviders()).hasSize(3).first().isSameAs(explicitAlpha);
    }

    @Test
    void severalExplicitAndNoneNamedIsAnError() {
        MessagingProviders providers = MessagingProviders.builder().discovery(false)
                .smsGatewayProvider(new TestProviders.Named("one"))
                .smsGatewayProvider(new TestProviders.Named("two"))
                .build();

        assertThatThrownBy(providers::smsGatewayProvider)
                .isInstanceOf(ProviderSelectionException.class)
                .hasMessageContaining("one, two");
        assertThat(providers.smsGatewayProvider("two").name()).isEqualTo("two");
    }

    @Test
    void aProviderThatFailsToLoadIsReportedAndTheOthersStillLoad() {
        MessagingProviders providers = discover("broken", "beta");

        assertThat(providers.smsGatewayProviders()).extracting(SmsGatewayProvider::name)
                .containsExactlyInAnyOrder("gamma", "beta");
        assertThat(providers.loadFailures()).hasSize(2);
        String failures = providers.loadFailures().stream().map(ProviderCatalogue.LoadFailure::message)
                .collect(Collectors.joining("\n"));
        assertThat(failures).contains("org.crmkit.messaging.NoSuchProvider").contains("TestProviders$Exploding");
        assertThat(providers.loadFailures()).allSatisfy(failure ->
                assertThat(failure.service()).isEqualTo(SmsGatewayProvider.class));
        assertThat(providers.smsGatewayProvider("gamma")).isInstanceOf(TestProviders.Gamma.class);
    }

    @Test
    void twoDiscoveredProvidersWithTheSameNameAreAnErrorNamingTheirClasses() {
        MessagingProviders providers = discover("alpha", "twin");

        assertThatThrownBy(() -> providers.smsGatewayProvider("alpha"))
                .isInstanceOf(ProviderSelectionException.class)
                .hasMessageContaining("TestProviders$Alpha")
                .hasMessageContaining("TestProviders$AlphaTwin");
    }

    @Test
    void twoExplicitProvidersWithOneNameAreAnErrorButExplicitWinsOverADiscoveredTwin() {
        MessagingProviders providers = MessagingProviders.builder().classLoader(plugins("alpha"))
                .smsGatewayProvider(new TestProviders.Named("one"))
                .smsGatewayProvider(new TestProviders.Named("ONE"))
                .smsGatewayProvider(new TestProviders.AlphaTwin())
                .build();

        assertThatThrownBy(() -> providers.smsGatewayProvider("One"))
                .isInstanceOfSatisfying(ProviderSelectionException.class,
                        e -> assertThat(e.candidates()).containsExactly("one", "ONE"))
                .hasMessageContaining("TestProviders$Named (\"one\"), org.crmkit.messaging.TestProviders$Named (\"ONE\")");
        assertThat(providers.smsGatewayProvider("alpha")).isInstanceOf(TestProviders.AlphaTwin.class);
    }

    @Test
    void blankNamesAreRefused() {
        MessagingProviders providers = discover("alpha");

        assertThatThrownBy(() -> providers.smsGatewayProvider(" "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("blank");
        assertThatThrownBy(() -> MessagingProviders.builder().discovery(false)
                .smsGatewayProvider(new TestProviders.Named(" ")).build())
                .isInstanceOf(MessagingException.class).hasMessageContaining("TestProviders$Named has a blank name()");
    }

    @Test
    void noProviderAtAllIsAClearError() {
        MessagingProviders providers = MessagingProviders.builder().discovery(false).build();

        assertThatThrownBy(providers::smsGatewayProvider)
                .isInstanceOf(ProviderSelectionException.class)
                .hasMessageContaining("no SMS gateway provider found");
        assertThatThrownBy(() -> providers.createEmailSender(ProviderConfig.empty()))
                .isInstanceOf(ProviderSelectionException.class)
                .hasMessageContaining("no e-mail sender provider found");
    }

    @Test
    void emailSenderProvidersAreDiscoveredAndSelectedTheSameWay() {
        MessagingProviders providers = discover("alpha");

        assertThat(providers.emailSenderProvider().name()).isEqualTo("smtp-like");
        assertThat(providers.emailSenderProvider("smtp-like")).isInstanceOf(TestProviders.SmtpLike.class);
        assertThat(providers.emailSenderProviders()).hasSize(1);
    }
}
