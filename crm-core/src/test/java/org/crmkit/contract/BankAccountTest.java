package org.crmkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.crmkit.common.ClientId;
import org.crmkit.common.ValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Bank of Russia control key, on account numbers published with their BICs: the worked
 * examples of the procedure of 08.09.1997 N 515 and bank details printed by the banks themselves.
 */
class BankAccountTest {
    private static final ClientId CLIENT = new ClientId(new UUID(0, 1));

    private static BankAccount account(String bic, String number) {
        return BankAccount.create(new BankAccountId(new UUID(0, 2)), CLIENT, bic, number);
    }

    @ParameterizedTest(name = "{1} at BIC {0}")
    @CsvSource({
            // N 515, example 3: a client's account at a bank (conditional number 746, digits 7-9 of the BIC), key 7
            "049805746, 40602810700000000025",
            // N 515, example 2: an account at a cash settlement centre (0 and BIC digits 5-6: 005), key 1 (sum 37)
            "040305000, 40102810100000010001",
            // a company's settlement account as published with its bank's BIC
            "044030827, 40702810900000002851"})
    void publishedSettlementAccountsPassTheirKey(String bic, String number) {
        assertThat(account(bic, number).account()).isEqualTo(number);
    }

    @ParameterizedTest(name = "{1} of BIC {0}")
    @CsvSource({
            // N 515, example 1: a bank's correspondent account at the centre with BIC 049805000, key 8
            "049805000, 30101810800000000746",
            // ПАО Сбербанк, Moscow
            "044525225, 30101810400000000225",
            "044030827, 30101810200000000827"})
    void publishedCorrespondentAccountsPassTheirKey(String bic, String correspondent) {
        BankAccount account = account(bic, keyedFor(bic)).withCorrespondentAccount(correspondent);
        assertThat(account.correspondentAccount()).contains(correspondent);
    }

    /** Some account number right for the BIC (the key computed as N 515 says, set at digit 9). */
    private static String keyedFor(String bic) {
        Bic code = Bic.of(bic);
        return keyed(code.accountPrefix(), "40702810" + "0" + "00000012345");
    }

    private static String keyed(String prefix, String zeroedAccount) {
        int[] weights = {7, 1, 3};
        String digits = prefix + zeroedAccount;
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            sum += (digits.charAt(i) - '0') * weights[i % 3];
        }
        return zeroedAccount.substring(0, 8) + (sum % 10 * 3 % 10) + zeroedAccount.substring(9);
    }

    @Test
    void everySingleMistypedDigitOfAPublishedAccountIsCaught() {
        String good = "40702810900000002851";
        List<String> passed = new ArrayList<>();
        for (int position = 0; position < good.length(); position++) {
            for (char digit = '0'; digit <= '9'; digit++) {
                if (digit == good.charAt(position)) {
                    continue;
                }
                String typo = good.substring(0, position) + digit + good.substring(position + 1);
                try {
                    account("044030827", typo);
                    passed.add(typo);
                } catch (ValidationException expected) {
                    assertThat(expected.field()).isEqualTo("account");
                }
            }
        }
        assertThat(passed).isEmpty();
    }

    @Test
    void aFailingKeyIsReportedWithTheDigitItShouldHaveBeen() {
        assertThatThrownBy(() -> account("044030827", "40702810000000002851")).isInstanceOfSatisfying(ValidationException.class, e -> {
            assertThat(e.field()).isEqualTo("account");
            assertThat(e.rejectedValue()).isEqualTo("40702810000000002851");
            assertThat(e.getMessage()).isEqualTo("account: \"40702810000000002851\" fails the control key against BIC 044030827"
                    + " (expected 9 as its ninth digit)");
        });
    }

    @Test
    void anAccountIsKeyedAgainstItsOwnBankNotAnother() {
        // right at BIC 044030827 (conditional number 827); the same digits at the centre 040305000 (prefix 005) are wrong
        assertThatThrownBy(() -> account("040305000", "40702810900000002851")).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.field()).isEqualTo("account"));
        // and the centre's own account is wrong at a bank whose conditional number is 746
        assertThatThrownBy(() -> account("049805746", "40102810100000010001")).isInstanceOf(ValidationException.class);
    }

    @Test
    void aCorrespondentAccountIsKeyedAgainstTheCentreOfTheBic() {
        BankAccount sber = account("044525225", keyedFor("044525225"));
        assertThat(sber.withCorrespondentAccount("30101810400000000225").correspondentAccount()).contains("30101810400000000225");
        assertThatThrownBy(() -> sber.withCorrespondentAccount("30101810500000000225")).isInstanceOfSatisfying(ValidationException.class, e -> {
            assertThat(e.field()).isEqualTo("correspondentAccount");
            assertThat(e.rejectedValue()).isEqualTo("30101810500000000225");
        });
    }

    @ParameterizedTest
    @CsvSource({"04403082", "0440308270", "04403O827", "'044 030 827'", "''"})
    void aBicOfOtherThanNineDigitsIsRefusedNamingIt(String bic) {
        assertThatThrownBy(() -> Bic.of(bic)).isInstanceOfSatisfying(ValidationException.class, e -> {
            assertThat(e.field()).isEqualTo("bic");
            assertThat(e.rejectedValue()).isEqualTo(bic);
        });
    }

    @ParameterizedTest
    @CsvSource({"4070281090000000285", "407028109000000028511", "4070281090000000285x", "４0702810900000002851"})
    void anAccountOfOtherThanTwentyDigitsIsRefusedNamingIt(String number) {
        assertThatThrownBy(() -> account("044030827", number)).isInstanceOfSatisfying(ValidationException.class, e -> {
            assertThat(e.field()).isEqualTo("account");
            assertThat(e.rejectedValue()).isEqualTo(number);
            assertThat(e.problem()).isEqualTo("must be exactly 20 digits");
        });
    }
}
