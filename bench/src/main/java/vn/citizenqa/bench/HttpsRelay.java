package vn.citizenqa.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

/**
 * HTTPS in front of a plain-HTTP server. On AWS every DynamoDB and SQS call is HTTPS, while dynalite and ElasticMQ
 * speak plain HTTP; with {@code lambda-cold --tls} the functions reach them through one of these, so that their first
 * call pays what it pays on AWS: the JDK's TLS classes, the trust store read (the JDK's own CAs and this relay's
 * certificate, an RSA 2048 key as AWS's endpoints have, made by {@code keytool} for 127.0.0.1) and the handshake.
 */
final class HttpsRelay implements AutoCloseable {

    private static final String PASSWORD = "changeit";
    private static final Set<String> HOP_BY_HOP = Set.of("host", "connection", "content-length", "transfer-encoding", "keep-alive");

    /** The relay's key store and the trust store the functions are given (the JDK's CAs and the relay's certificate). */
    record Certificate(Path keyStore, Path trustStore) {

        /** The JVM options that make a function trust the relay: {@code JAVA_TOOL_OPTIONS}, as Lambda would be told. */
        String trustOptions() {
            return "-Djavax.net.ssl.trustStore=" + trustStore + " -Djavax.net.ssl.trustStorePassword=" + PASSWORD
                    + " -Djavax.net.ssl.trustStoreType=PKCS12";
        }
    }

    private final HttpsServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final URI backend;

    private HttpsRelay(HttpsServer server, URI backend) {
        this.server = server;
        this.backend = backend;
    }

    /** Makes a certificate for 127.0.0.1 in {@code dir} with the JDK's keytool, and a trust store holding it and the JDK's CAs. */
    static Certificate certificate(Path dir) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path keyStore = dir.resolve("relay.p12");
        Path pem = dir.resolve("relay.pem");
        Path trust = dir.resolve("trust.p12");
        keytool("-genkeypair", "-alias", "relay", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2", "-dname", "CN=127.0.0.1",
                "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-storetype", "PKCS12", "-keystore", keyStore.toString(), "-storepass", PASSWORD);
        keytool("-exportcert", "-rfc", "-alias", "relay", "-keystore", keyStore.toString(), "-storepass", PASSWORD, "-file", pem.toString());
        keytool("-importkeystore", "-srckeystore", Path.of(System.getProperty("java.home"), "lib", "security", "cacerts").toString(),
                "-srcstorepass", PASSWORD, "-destkeystore", trust.toString(), "-deststoretype", "PKCS12", "-deststorepass", PASSWORD, "-noprompt");
        keytool("-importcert", "-noprompt", "-alias", "citizenqa-bench-relay", "-file", pem.toString(), "-keystore", trust.toString(),
                "-storepass", PASSWORD);
        return new Certificate(keyStore, trust);
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("keytool " + args[0] + " failed:\n" + out);
        }
    }

    /** An HTTPS relay on a free loopback port to {@code backend}. */
    static HttpsRelay start(URI backend, Certificate certificate) throws IOException {
        try {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(certificate.keyStore())) {
                keys.load(in, PASSWORD.toCharArray());
            }
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keys, PASSWORD.toCharArray());
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(kmf.getKeyManagers(), null, null);
            HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.setHttpsConfigurator(new HttpsConfigurator(tls));
            HttpsRelay relay = new HttpsRelay(server, backend);
            server.createContext("/", relay::forward);
            server.setExecutor(relay.threads);
            server.start();
            return relay;
        } catch (java.security.GeneralSecurityException e) {
            throw new IOException("cannot set up the relay's TLS", e);
        }
    }

    URI endpoint() {
        return URI.create("https://127.0.0.1:" + server.getAddress().getPort());
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            HttpURLConnection c = (HttpURLConnection) backend.resolve(exchange.getRequestURI().toString()).toURL().openConnection();
            c.setRequestMethod(exchange.getRequestMethod());
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))) {
                    c.setRequestProperty(name, String.join(",", values));
                }
            });
            if (body.length > 0) {
                c.setDoOutput(true);
                c.setFixedLengthStreamingMode(body.length);
                try (OutputStream out = c.getOutputStream()) {
                    out.write(body);
                }
            }
            int status = c.getResponseCode();
            byte[] answer;
            try (InputStream in = status < 400 ? c.getInputStream() : c.getErrorStream()) {
                answer = in == null ? new byte[0] : in.readAllBytes();
            }
            for (Map.Entry<String, List<String>> h : c.getHeaderFields().entrySet()) {
                if (h.getKey() != null && !HOP_BY_HOP.contains(h.getKey().toLowerCase(Locale.ROOT))) {
                    h.getValue().forEach(v -> exchange.getResponseHeaders().add(h.getKey(), v));
                }
            }
            exchange.sendResponseHeaders(status, answer.length == 0 ? -1 : answer.length);
            if (answer.length > 0) {
                exchange.getResponseBody().write(answer);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
