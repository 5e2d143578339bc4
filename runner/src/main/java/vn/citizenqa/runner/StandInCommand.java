package vn.citizenqa.runner;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import vn.citizenqa.standin.ChannelStandIn;

/**
 * {@code stand-in [--port N] [--expire-zalo-token TOKEN]}: the loopback stand-in for the Graph API and the Zalo
 * APIs, printing every reply a page sends. Point {@code GRAPH_API_BASE}, {@code ZALO_API_BASE} and
 * {@code ZALO_OAUTH_BASE} at it (events/env.json does, for port 9000).
 */
public final class StandInCommand {

    public static final int DEFAULT_PORT = 9000;
    static final String USAGE = "stand-in [--port N] [--expire-zalo-token TOKEN]";

    public int run(List<String> args, PrintStream out, PrintStream err) throws IOException, InterruptedException {
        int port = DEFAULT_PORT;
        String expired = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--port") && i + 1 < args.size() && args.get(i + 1).matches("\\d{1,5}")) {
                port = Integer.parseInt(args.get(++i));
            } else if (a.equals("--expire-zalo-token") && i + 1 < args.size()) {
                expired = args.get(++i);
            } else {
                String problem = a.equals("--port") ? "--port needs a port number (0-65535)"
                        : a.equals("--expire-zalo-token") ? "--expire-zalo-token needs a token"
                        : a.startsWith("-") ? "unknown option " + a : "unexpected argument '" + a + "'";
                err.println(problem + "\nusage: " + USAGE);
                return 2;
            }
        }
        ChannelStandIn standIn;
        try {
            standIn = ChannelStandIn.start(port, out);
        } catch (java.net.BindException e) {
            err.println("port " + port + " is in use: choose another with --port");
            return 2;
        }
        standIn.acceptAnyZaloRefreshToken();
        if (expired != null) {
            standIn.expireZaloAccessToken(expired);
        }
        out.println("channel stand-in on 127.0.0.1:" + standIn.port() + " (Ctrl-C stops)");
        out.println("  GRAPH_API_BASE=" + standIn.graphApiBase());
        out.println("  ZALO_API_BASE=" + standIn.zaloApiBase());
        out.println("  ZALO_OAUTH_BASE=" + standIn.zaloOAuthBase());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            standIn.close();
            stopped.countDown();
        }));
        stopped.await();
        return 0;
    }
}
