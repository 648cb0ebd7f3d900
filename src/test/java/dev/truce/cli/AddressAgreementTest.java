package dev.truce.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.truce.testing.TruceFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import java.nio.file.Path;

/**
 * Issue 16 item 13: validate, alert and the commands that only show the file agree on what an address is. An
 * address with a comment that reads like a header ("alice(Bcc:x)@elsewhere"), a quoted local part or a domain
 * literal is refused by all of them at its file:line:col, and nothing is sent.
 */
class AddressAgreementTest {
    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path dir;

    private CliRunner truce;

    @BeforeEach
    void setUp() {
        truce = new CliRunner(dir).env(TruceFixture.smtpAt(MAIL.getSmtp().getPort())).at(TruceFixture.WEEK_BEFORE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"alice(Bcc:x)@elsewhere", "alice(Bcc:x)@elsewhere.example", "\"a b\"@example.com",
        "alice@[127.0.0.1]", "Alice <alice@example.com>"})
    void everyCommandRefusesTheAddressAtItsPlace(String address) {
        TruceFixture.write(dir, TruceFixture.yaml(TruceFixture.plainSmtp(), "Suspend the tariff", "")
                .replace("recipients: [desk@example.com]", "recipients: ['" + address + "']"));
        String place = "obligations.yaml:11:16: alerts.recipients[0]: '" + address + "' is not ";
        for (String command : new String[] {"validate", "alert", "status", "check"}) {
            CliRunner.Result result = truce.run(command);
            String said = command.equals("check") ? result.out() : result.err();
            assertEquals(command.equals("check") ? 3 : 2, result.exitCode(), result::toString);
            assertEquals(true, said.contains(place), () -> command + ":\n" + result);
        }
        assertEquals(0, MAIL.getReceivedMessages().length);
    }
}
