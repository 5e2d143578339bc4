package vn.citizenqa.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.citizenqa.functions.testsupport.TestJson;

/** Every command of the runner jar answers --help, refuses what it does not know, and names what is wrong. */
class CommandLineTest {

    /** What one run of the jar's main printed and returned. */
    record Run(int status, String out, String err) {
    }

    static Run run(String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = CitizenQa.run(args, new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void everyCommandPrintsItsUsageOnHelpAndExitsZero() throws Exception {
        for (CitizenQa.Command command : CitizenQa.COMMANDS) {
            for (String help : new String[] {"--help", "-h"}) {
                Run r = run(command.name(), help);
                assertEquals(0, r.status(), command.name() + " " + help + ": " + r.err());
                assertTrue(r.out().startsWith("usage: java -jar citizen-qa.jar " + command.name()), command.name() + ": " + r.out());
                assertTrue(r.out().contains(command.purpose()), r.out());
                assertEquals("", r.err(), command.name() + " " + help + " prints only its usage");
            }
        }
    }

    @Test
    void everyCommandRefusesAnUnknownOptionNamingItWithTheUsage() throws Exception {
        for (CitizenQa.Command command : CitizenQa.COMMANDS) {
            Run r = run(command.name(), "--no-such-option");
            assertEquals(2, r.status(), command.name() + ": " + r.out() + r.err());
            assertTrue(r.err().contains("unknown option --no-such-option"), command.name() + ": " + r.err());
            assertTrue(r.err().contains("usage: " + command.usage()), command.name() + ": " + r.err());
            assertEquals("", r.out(), command.name() + " answers nothing when its usage is wrong");
        }
    }

    @Test
    void helpAndNoCommandListEveryCommandAndAnUnknownCommandIsNamed() throws Exception {
        Run help = run("help");
        assertEquals(0, help.status());
        for (CitizenQa.Command command : CitizenQa.COMMANDS) {
            assertTrue(help.out().contains("\n  " + command.usage() + "\n"), command.name());
        }
        Run none = run();
        assertEquals(2, none.status());
        assertEquals(help.out(), none.err());
        Run unknown = run("frobnicate");
        assertEquals(2, unknown.status());
        assertTrue(unknown.err().startsWith("unknown command 'frobnicate'\n"), unknown.err());
    }

    @Test
    void serveSaysInOneLineWhereItListensWhichStoreAndChannelsAndWhereTheConsoleIs(@TempDir Path dir) throws Exception {
        // The sample configuration, without its pages file (a path from the top directory; no page is needed here).
        ObjectNode env = (ObjectNode) TestJson.MAPPER.readTree(Path.of("..", "events", "env.json").toFile());
        env.properties().forEach(section -> ((ObjectNode) section.getValue()).remove("PAGES_FILE"));
        Path file = Files.writeString(dir.resolve("env.json"), TestJson.MAPPER.writeValueAsString(env));
        try (ServeCommand.Running serve = ServeCommand.start(0, file, new PrintStream(OutputStream.nullOutputStream()))) {
            String base = "http://127.0.0.1:" + serve.port();
            assertEquals("citizen-qa serving on " + base + "; store: in-process (forgotten on exit; set TABLE_NAME for DynamoDB);"
                    + " queue: none (each message is handled within its webhook call); channels: messenger, zalo;"
                    + " officer console: " + base + "/console/ (Ctrl-C stops)", serve.startupLine());
            assertTrue(serve.startupLine().lines().count() == 1);
        }
    }

    @Test
    void serveNamesThePortInUseAndTheMissingEnvFile() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Run r = run("serve", "--port", String.valueOf(taken.getLocalPort()));
            assertEquals(2, r.status());
            assertEquals("port " + taken.getLocalPort() + " is in use: choose another with --port\n", r.err());
        }
        Run missing = run("serve", "--port", "0", "--env-vars", "no-such-env.json");
        assertEquals(2, missing.status());
        assertTrue(missing.err().startsWith("--env-vars no-such-env.json: no such file"), missing.err());
        Run badPort = run("serve", "--port", "http");
        assertEquals(2, badPort.status());
        assertTrue(badPort.err().startsWith("--port needs a port number (0-65535)"), badPort.err());
    }
}
